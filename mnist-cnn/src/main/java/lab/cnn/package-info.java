/**
 * The Deep-MNIST network on Deeplearning4j: data ({@code lab.cnn.data}), network definition
 * ({@code lab.cnn.model}), training loop ({@code lab.cnn.train}), monitoring: per-layer
 * statistics and the DL4J training UI ({@code lab.cnn.monitor}), charts and markdown reports
 * made from what runs leave behind ({@code lab.cnn.report}), the CPU backend switches
 * ({@code lab.cnn.backend}) and the experiment kinds ({@code lab.cnn.experiment}, declared in
 * {@link lab.cnn.CnnKinds}).
 */
package lab.cnn;
