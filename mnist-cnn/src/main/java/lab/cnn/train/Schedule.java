package lab.cnn.train;

/**
 * How long to train and how often to look.
 *
 * @param iterations total mini-batch steps
 * @param evalEvery  validation and test accuracy every this many iterations (and at the end)
 * @param lossEvery  the training loss is recorded every this many iterations
 */
public record Schedule(long iterations, long evalEvery, long lossEvery) {
    public Schedule {
        if (iterations <= 0 || evalEvery <= 0 || lossEvery <= 0) {
            throw new IllegalArgumentException("iterations, eval_every and loss_every must be > 0");
        }
    }
}
