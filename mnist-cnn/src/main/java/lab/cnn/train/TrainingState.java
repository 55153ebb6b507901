package lab.cnn.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a training stands after {@code iteration} steps: what a checkpoint must bring back besides
 * the network, so that a resumed run continues exactly as if it had never stopped.
 *
 * @param images       training images seen
 * @param epoch        the training iterator's epoch (0-based) ...
 * @param batch        ... and the batches of it already trained on
 * @param trainSeconds time spent in fit() so far, over all sessions of the run
 * @param evalSeconds  time spent evaluating so far
 * @param loss         the loss curve so far
 * @param evals        the evaluations so far
 * @param resumedAt    the iterations at which this run was resumed from a checkpoint
 * @param threads      native threads the run trained with (the float sums, so the bits, depend on
 *                     it: a resumed run uses the same); null in checkpoints made before it was kept
 */
public record TrainingState(long iteration, long images, int epoch, int batch, double trainSeconds,
                            double evalSeconds, List<LossPoint> loss, List<EvalPoint> evals, List<Long> resumedAt,
                            Integer threads) {
    public TrainingState {
        loss = List.copyOf(loss);
        evals = List.copyOf(evals);
        resumedAt = resumedAt == null ? List.of() : List.copyOf(resumedAt);
    }

    public static TrainingState start() {
        return new TrainingState(0, 0, 0, 0, 0, 0, List.of(), List.of(), List.of(), null);
    }

    /** This state, noted as a point where training resumed. */
    public TrainingState resumed() {
        List<Long> at = new ArrayList<>(resumedAt);
        at.add(iteration);
        return new TrainingState(iteration, images, epoch, batch, trainSeconds, evalSeconds, loss, evals, at, threads);
    }
}
