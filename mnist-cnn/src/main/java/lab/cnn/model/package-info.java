/**
 * The Deep-MNIST network definition: {@link lab.cnn.model.NetworkSpec} to a DL4J configuration
 * (conv5x5x32, pool, conv5x5x64, pool, fc1024, dropout, softmax10), activations, initialisers,
 * updaters, seeded dropout, and the project&apos;s own layers (first-layer convolution without
 * input gradient, 2x2 max pooling, maxout) in sub-packages. Uses lab.cnn.backend only.
 */
package lab.cnn.model;
