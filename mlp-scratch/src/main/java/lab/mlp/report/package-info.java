/**
 * What mlp runs leave in results/: metrics.json, loss.csv, the observations and the gallery page.
 */
package lab.mlp.report;
