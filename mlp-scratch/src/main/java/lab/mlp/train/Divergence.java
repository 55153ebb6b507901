package lab.mlp.train;

import java.util.List;

/**
 * When a run counts as diverged. Full-batch gradient descent with a small enough step only ever
 * lowers the loss, so a loss that stops being finite, ends above where it started, or ends more
 * than twice its best value (plus 0.01, for losses near zero) means the step was too large for
 * this network: the numbers it ended with are not a result.
 */
public final class Divergence {
    private Divergence() {
    }

    /** The reason the curve counts as diverged, or null. */
    public static String judge(List<CurvePoint> curve) {
        CurvePoint first = curve.get(0);
        CurvePoint last = curve.get(curve.size() - 1);
        if (!Double.isFinite(last.loss())) {
            return "loss is " + last.loss() + " at pass " + last.pass()
                    + " (parameters overflowed); try a lower epsilon (the learning rate)";
        }
        CurvePoint best = best(curve);
        if (last.loss() > first.loss()) {
            return String.format("loss rose from %.4g at the start to %.4g", first.loss(), last.loss());
        }
        if (last.loss() > 2 * best.loss() + 0.01) {
            return String.format("loss rose from its best %.4g (pass %d) to %.4g", best.loss(), best.pass(), last.loss());
        }
        return null;
    }

    /** The recorded point with the lowest finite loss (the first point if none is finite). */
    public static CurvePoint best(List<CurvePoint> curve) {
        CurvePoint best = curve.get(0);
        for (CurvePoint p : curve) {
            if (Double.isFinite(p.loss()) && (!Double.isFinite(best.loss()) || p.loss() < best.loss())) {
                best = p;
            }
        }
        return best;
    }
}
