package lab.mlp.optimizer;

import java.util.List;

/**
 * One training run's update rule and its state. Built by {@link OptimizerSpec#create} for a fixed
 * list of parameter arrays; every call must pass the same arrays in the same order.
 */
public interface Optimizer {
    /**
     * Moves every parameter in place, {@code params.get(i)} by {@code grads.get(i)} (same shapes).
     *
     * @param t the step number, 1 for the first step (Adam's bias correction needs it)
     */
    void step(List<double[]> params, List<double[]> grads, long t);
}
