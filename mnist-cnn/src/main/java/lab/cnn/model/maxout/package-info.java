/**
 * Maxout (Goodfellow et al., 2013) as a parameter-free Deeplearning4j layer, because DL4J
 * 1.0.0-M2.1 has none and its SameDiff layers get every gradient 2x too large.
 *
 * <p>Grouping convention: the k pieces of one output unit are <em>consecutive</em> along the
 * channel/feature axis, so output channel (feature) {@code c} is the maximum of input channels
 * (features) {@code c*k .. c*k+k-1}. Place the layer after a convolution or dense layer with
 * identity activation and {@code nOut = units * k}.
 */
package lab.cnn.model.maxout;
