package lab.mlp.train;

import lab.mlp.optimizer.OptimizerSpec;
import lab.mlp.optimizer.Sgd;

/**
 * Gradient descent settings.
 *
 * @param optimizer   how parameters move given their gradients (plain SGD by default)
 * @param regLambda   L2 strength: the objective adds regLambda / 2 * sum of squared weights
 * @param passes      full-batch steps, or epochs when {@code batchSize > 0}
 * @param gradient    sum (assignment) or mean of the per-sample gradients
 * @param batchSize   0 for full-batch gradient descent, else mini-batch SGD with this batch size
 * @param shuffleSeed seeds the mini-batch order
 * @param recordEvery record loss and accuracy every this many passes (and at the end)
 */
public record TrainingConfig(OptimizerSpec optimizer, double regLambda, int passes, GradientScale gradient,
                             int batchSize, long shuffleSeed, int recordEvery) {

    /** The assignment's defaults: epsilon 0.01, reg_lambda 0.01, 20,000 full-batch passes, summed gradient. */
    public static TrainingConfig assignmentDefaults() {
        return new TrainingConfig(0.01, 0.01, 20_000, GradientScale.SUM, 0, 0, 100);
    }

    /** Plain SGD with learning rate {@code epsilon} (the assignment's name for it). */
    public TrainingConfig(double epsilon, double regLambda, int passes, GradientScale gradient, int batchSize,
                          long shuffleSeed, int recordEvery) {
        this(new Sgd(epsilon), regLambda, passes, gradient, batchSize, shuffleSeed, recordEvery);
    }

    public TrainingConfig {
        if (optimizer == null) {
            throw new IllegalArgumentException("optimizer is required");
        }
        if (!(regLambda >= 0) || Double.isInfinite(regLambda)) {
            throw new IllegalArgumentException("reg_lambda must be >= 0");
        }
        if (passes <= 0 || batchSize < 0 || recordEvery <= 0) {
            throw new IllegalArgumentException("passes and record_every must be > 0, batch_size >= 0");
        }
    }

    public boolean fullBatch() {
        return batchSize == 0;
    }
}
