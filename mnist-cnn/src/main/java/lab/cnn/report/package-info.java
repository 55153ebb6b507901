/**
 * Reports made from what runs leave behind: metrics.json, curves and layer statistics read back,
 * charts, per-experiment and index Markdown, comparisons. Never trains; uses lab.cnn.train for
 * the records it reads.
 */
package lab.cnn.report;
