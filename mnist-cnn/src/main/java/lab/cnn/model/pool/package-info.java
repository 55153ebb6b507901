/**
 * 2x2 max pooling with stride 2 as a Deeplearning4j layer with hand-written forward and backward
 * passes in Java. DL4J's {@code SubsamplingLayer} runs on oneDNN, whose 2.3 release has no fast
 * kernel for plain NCHW data on AVX2 machines (it falls back to its reference code: ~27 ms per
 * pool1 step instead of ~2), and which runs the pooling forward twice per training step on every
 * machine. Owns the layer configuration, the runtime layer and the loops; uses only DL4J's layer
 * API and ND4J arrays.
 */
package lab.cnn.model.pool;
