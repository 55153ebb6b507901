package lab.mlp.train;

import java.util.List;

/**
 * What a training run reached.
 *
 * @param finalLoss      loss after the last pass (NaN or infinite when it stopped being finite)
 * @param trainAccuracy  accuracy on the training data after the last pass
 * @param seconds        wall time of the training loop
 * @param diverged       see {@link Divergence}: a run that diverged is not a result to compare
 * @param divergence     why it counts as diverged, or null
 * @param divergedAtPass the pass at which loss or parameters stopped being finite, or -1
 * @param passesRun      passes completed
 * @param bestLoss       lowest recorded loss, and the pass where it was seen
 * @param instability    see {@link Instability}: how the loss rose after its best, or null (stable)
 * @param curve          loss and accuracy every {@code recordEvery} passes, first and last included
 */
public record TrainingResult(double finalLoss, double trainAccuracy, double seconds, boolean diverged,
                             String divergence, int divergedAtPass, int passesRun, double bestLoss, int bestLossPass,
                             Instability instability, List<CurvePoint> curve) {

    /** The same result with another time (the fastest of several identical trainings). */
    public TrainingResult withSeconds(double seconds) {
        return new TrainingResult(finalLoss, trainAccuracy, seconds, diverged, divergence, divergedAtPass, passesRun,
                bestLoss, bestLossPass, instability, curve);
    }

    public boolean unstable() {
        return instability != null;
    }
}
