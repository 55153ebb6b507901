package lab.cnn.report;

import java.util.List;
import java.util.Optional;
import lab.cnn.train.EvalPoint;

/**
 * Early stopping as a report: the evaluation with the lowest validation error (the earliest of
 * equals) and the test error there, which is what a run stopped at that point would have scored.
 */
public record BestEpoch(double epoch, long iteration, double valError, double testError) {

    public static Optional<BestEpoch> of(List<EvalPoint> evals) {
        EvalPoint best = null;
        for (EvalPoint p : evals) {
            if (Double.isFinite(p.valAccuracy()) && Double.isFinite(p.testAccuracy())
                    && (best == null || p.valError() < best.valError())) {
                best = p;
            }
        }
        return best == null ? Optional.empty()
                : Optional.of(new BestEpoch(best.epoch(), best.iteration(), best.valError(), best.testError()));
    }
}
