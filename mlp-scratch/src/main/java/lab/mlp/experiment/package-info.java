/**
 * The mlp experiment kinds: their YAML records ({@code kind: mlp}, {@code mlp-gallery},
 * {@code mlp-bench}) and runners, which load the data, build the network, train it and hand the
 * outcome to lab.mlp.report and lab.mlp.plot.
 */
package lab.mlp.experiment;
