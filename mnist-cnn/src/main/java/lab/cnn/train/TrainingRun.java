package lab.cnn.train;

import java.util.List;

/**
 * What a cnn training reached.
 *
 * @param trainSeconds    time spent in fit() (evaluation excluded), over all sessions of the run
 * @param evalSeconds     time spent evaluating
 * @param images          training images seen
 * @param diverged        the loss stopped being a finite number
 * @param divergedAt      the iteration where that was seen, or -1
 * @param interrupted     stopped on request (Ctrl-C) before the end, after saving a checkpoint
 * @param resumedAt       iterations at which the run was resumed from a checkpoint
 * @param testPredictions image by image, the final test evaluation; null when there was none
 *                        (no test set, diverged or interrupted before the last iteration)
 */
public record TrainingRun(long iterations, double epochs, List<LossPoint> loss, List<EvalPoint> evals,
                          double trainSeconds, double evalSeconds, long images, boolean diverged, long divergedAt,
                          boolean interrupted, List<Long> resumedAt,
                          TestPredictions testPredictions) {

    public double imagesPerSecond() {
        return trainSeconds > 0 ? images / trainSeconds : 0;
    }

    /** The last evaluation, or null if training stopped before any. */
    public EvalPoint last() {
        return evals.isEmpty() ? null : evals.get(evals.size() - 1);
    }
}
