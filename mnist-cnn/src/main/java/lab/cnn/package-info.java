/**
 * The Deep-MNIST network on Deeplearning4j: data ({@code lab.cnn.data}), network definition
 * ({@code lab.cnn.model}), training loop ({@code lab.cnn.train}), the {@code cnn} experiment
 * kind ({@code lab.cnn.experiment}) and the training UI ({@code lab.cnn.monitor}).
 */
package lab.cnn;
