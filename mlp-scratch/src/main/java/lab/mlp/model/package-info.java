/**
 * The network and its maths, written by hand on purpose: layers, activations and derivatives,
 * softmax cross-entropy, backpropagation, weight initialisation, and the Vector-API kernels whose
 * results are the same bits at every vector width. Uses lab.mlp.data only.
 */
package lab.mlp.model;
