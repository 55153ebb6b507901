/**
 * Full-batch (or mini-batch) gradient descent over a network: the training loop, its
 * configuration, divergence detection, JIT warm-up, and the curve it records. Uses lab.mlp.model
 * and lab.mlp.data.
 */
package lab.mlp.train;
