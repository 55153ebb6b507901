/**
 * How parameters move once their gradients are known. An {@link lab.mlp.optimizer.OptimizerSpec}
 * is the YAML {@code optimizer:} mapping (one record per kind, named by its {@code type:}); its
 * {@link lab.mlp.optimizer.OptimizerSpec#create create} gives the {@link lab.mlp.optimizer.Optimizer}
 * that owns the per-parameter state (velocity, squared-gradient sums, moments) of one training run.
 * Networks only expose their parameter and gradient arrays; the trainer calls
 * {@code step(params, grads, t)} once per gradient evaluation.
 *
 * <p>Depends on nothing else in mlp-scratch, so model, train and experiment can all use it.
 */
package lab.mlp.optimizer;
