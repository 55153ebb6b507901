/**
 * Pictures of mlp runs: decision boundaries, data scatter, loss curves (JFreeChart, written
 * atomically as PNG). Reads models and training curves; never trains.
 */
package lab.mlp.plot;
