/**
 * The Deep-MNIST network on Deeplearning4j: data ({@code lab.cnn.data}), network definition
 * ({@code lab.cnn.model}), training loop ({@code lab.cnn.train}), the {@code cnn} experiment
 * kind ({@code lab.cnn.experiment}) and charts and markdown reports made from what runs leave
 * behind ({@code lab.cnn.report}).
 */
package lab.cnn;
