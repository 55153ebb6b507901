package lab.mlp.train;

import java.util.List;

/**
 * A run whose loss, after reaching its best value, rose above {@value #FACTOR} times that best.
 * Full-batch gradient descent with a small enough step only lowers the loss; a later jump means
 * the step was too large at that point, and the final numbers belong to wherever the run landed
 * afterwards, not to a settled minimum. The divergence rule (final loss above 2 x best + 0.01)
 * lets a run pass that jumped and fell back part of the way (mlp-deep-w3-l5: best 0.035 at pass
 * 900, 1.053 at pass 1000, 0.077 at the end); this rule does not.
 *
 * @param bestLoss  the lowest recorded loss, and its pass
 * @param atPass    the first recorded pass after the best whose loss is above FACTOR x best
 * @param peakLoss  the highest recorded loss after the best, and its pass
 */
public record Instability(double bestLoss, int bestPass, int atPass, double peakLoss, int peakPass) {
    /** How far above its best a loss may rise before the run counts as unstable. */
    public static final double FACTOR = 1.5;

    /** The instability of {@code curve}, or null when the loss never rose above FACTOR x its best after reaching it. */
    public static Instability judge(List<CurvePoint> curve) {
        CurvePoint best = Divergence.best(curve);
        CurvePoint first = null;
        CurvePoint peak = null;
        for (CurvePoint p : curve) {
            if (p.pass() <= best.pass()) {
                continue;
            }
            // A non-finite loss is the highest of all: the run blew up after its best.
            double loss = Double.isNaN(p.loss()) ? Double.POSITIVE_INFINITY : p.loss();
            if (first == null && loss > FACTOR * best.loss()) {
                first = p;
            }
            if (peak == null || loss > peak.loss()) {
                peak = new CurvePoint(p.pass(), loss, p.accuracy());
            }
        }
        return first == null ? null : new Instability(best.loss(), best.pass(), first.pass(), peak.loss(), peak.pass());
    }

    /** Peak over best, e.g. 30.1. */
    public double ratio() {
        return peakLoss / bestLoss;
    }
}
