/**
 * TensorBoard event files: {@link lab.core.tensorboard.EventWriter} writes scalars, histograms
 * and PNG images as TFRecord-framed {@code Event} protobufs ({@code events.out.tfevents.*}), and
 * {@link lab.core.tensorboard.EventReader} reads them back, checking every CRC. Owns the file
 * format only (framing, CRC32C, bucketing, encoding), not what a run logs. May use the JDK, AWT's
 * {@code ImageIO} and the generated protobuf classes of {@code org.tensorflow:tensorflow-core-native}
 * (with protobuf-java); never DL4J or ND4J, which depend on it from the other side.
 */
package lab.core.tensorboard;
