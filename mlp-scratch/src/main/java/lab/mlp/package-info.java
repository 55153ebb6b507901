/**
 * The from-scratch multilayer perceptron: data ({@code lab.mlp.data}), the network and its maths
 * ({@code lab.mlp.model}), training ({@code lab.mlp.train}), pictures ({@code lab.mlp.plot}),
 * reports ({@code lab.mlp.report}), experiment kinds ({@code lab.mlp.experiment},
 * {@code lab.mlp.search}, declared in {@link lab.mlp.MlpKinds}).
 */
package lab.mlp;
