package lab.mlp.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import lab.mlp.train.Instability;
import lab.mlp.train.Score;

/**
 * Sentences about a group of runs that follow from their numbers alone, so the report never
 * claims what the runs did not show: accuracies are compared only beyond their noise
 * ({@link Noise}), seconds only when they differ by {@value #CLEAR_TIME_RATIO} x or more.
 */
public final class Observations {
    /** How many times slower a run must be before the observations call it slower. */
    static final double CLEAR_TIME_RATIO = 4;

    private Observations() {
    }

    /**
     * @param ordered    the runs vary one setting in increasing order
     * @param comparison the runs differ in one setting; otherwise they are shown, not ranked
     * @param differ     what differs between them (for a section that is not a comparison)
     */
    public static List<String> of(List<MlpOutcome> runs, boolean ordered, boolean comparison, String differ) {
        List<String> lines = new ArrayList<>();
        for (MlpOutcome r : runs) {
            if (r.result().diverged()) {
                lines.add(String.format(Locale.ROOT, "**%s diverged**: %s; it reached loss %.4f at pass %d before "
                                + "that, so its final numbers are not a result.", r.name(), r.result().divergence(),
                        r.result().bestLoss(), r.result().bestLossPass()));
            } else if (r.result().unstable()) {
                lines.add(unstable(r));
            }
        }
        List<MlpOutcome> ok = runs.stream().filter(r -> !r.result().diverged()).toList();
        if (ok.size() < 2) {
            return lines;
        }
        if (!comparison) {
            lines.add("Not a comparison: these runs differ in " + differ + ", so they are shown side by side, not "
                    + "ranked.");
            return lines;
        }
        lines.add(range("Training accuracy", ok, MlpOutcome::train));
        MlpOutcome bestLoss = ok.stream().min(Comparator.comparingDouble(r -> r.result().finalLoss())).orElseThrow();
        lines.add(String.format(Locale.ROOT, "The lowest loss is %s's %.4f.", bestLoss.name(),
                bestLoss.result().finalLoss()));
        boolean tested = ok.stream().allMatch(r -> r.test() != null);
        if (tested) {
            lines.add(range("Test accuracy (held-out points)", ok, MlpOutcome::test));
            lines.add(gaps(ok));
        }
        if (ordered) {
            lines.add(trend("Loss", ok.stream().map(r -> r.result().finalLoss()).toList(), ok, "%.4f"));
            lines.add(accuracyTrend("Training accuracy", ok, MlpOutcome::train));
            if (tested) {
                lines.add(accuracyTrend("Test accuracy", ok, MlpOutcome::test));
            }
        }
        MlpOutcome fast = ok.stream().min(Comparator.comparingDouble(r -> r.result().seconds())).orElseThrow();
        MlpOutcome slow = ok.stream().max(Comparator.comparingDouble(r -> r.result().seconds())).orElseThrow();
        lines.add(timing(fast, slow));
        return lines;
    }

    /** Highest and lowest accuracy, and whether their difference is beyond the noise. */
    static String range(String what, List<MlpOutcome> runs, Function<MlpOutcome, Score> score) {
        Comparator<MlpOutcome> byAccuracy = Comparator.comparingDouble(r -> score.apply(r).accuracy());
        MlpOutcome low = runs.stream().min(byAccuracy).orElseThrow();
        MlpOutcome high = runs.stream().max(byAccuracy).orElseThrow();
        Score a = score.apply(low);
        Score b = score.apply(high);
        if (a.accuracy() == b.accuracy()) {
            return String.format(Locale.ROOT, "%s is the same for every run, %.3f.", what, a.accuracy());
        }
        double noise = Noise.threshold(a, b);
        String verdict = Noise.beyond(a, b)
                ? String.format(Locale.ROOT, "beyond the noise (%.3f): %s is more accurate than %s.", noise,
                high.name(), low.name())
                : String.format(Locale.ROOT, "within the noise (%.3f), so the runs are not ranked by it.", noise);
        return String.format(Locale.ROOT, "%s ranges from %.3f (%s) to %.3f (%s); the difference, %.3f, is %s", what,
                a.accuracy(), low.name(), b.accuracy(), high.name(), b.accuracy() - a.accuracy(), verdict);
    }

    /** Train minus test accuracy per run, and whether the largest and smallest gap differ beyond their noise. */
    static String gaps(List<MlpOutcome> runs) {
        StringBuilder list = new StringBuilder();
        MlpOutcome small = null;
        MlpOutcome large = null;
        for (MlpOutcome r : runs) {
            list.append(list.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %+.3f", r.name(), gap(r)));
            small = small == null || gap(r) < gap(small) ? r : small;
            large = large == null || gap(r) > gap(large) ? r : large;
        }
        double spread = gap(large) - gap(small);
        if (spread == 0) {
            return String.format(Locale.ROOT, "Train minus test accuracy (the generalisation gap) is the same for "
                    + "every run, %+.3f.", gap(small));
        }
        double noise = Noise.threshold(gapError(small), gapError(large));
        String verdict = spread > noise
                ? String.format(Locale.ROOT, "beyond the noise (%.3f): %s generalises better than %s.", noise,
                small.name(), large.name())
                : String.format(Locale.ROOT, "within the noise (%.3f), so no run is shown to generalise better.", noise);
        return String.format(Locale.ROOT, "Train minus test accuracy (the generalisation gap): %s. The largest and "
                + "smallest gap differ by %.3f, %s", list, spread, verdict);
    }

    private static double gap(MlpOutcome r) {
        return r.train().accuracy() - r.test().accuracy();
    }

    private static double gapError(MlpOutcome r) {
        return Math.hypot(r.train().standardError(), r.test().standardError());
    }

    /** The trend of an accuracy along the order, with a warning when its whole range is within the noise. */
    static String accuracyTrend(String what, List<MlpOutcome> runs, Function<MlpOutcome, Score> score) {
        String trend = trend(what, runs.stream().map(r -> score.apply(r).accuracy()).toList(), runs, "%.3f");
        Comparator<MlpOutcome> byAccuracy = Comparator.comparingDouble(r -> score.apply(r).accuracy());
        Score low = score.apply(runs.stream().min(byAccuracy).orElseThrow());
        Score high = score.apply(runs.stream().max(byAccuracy).orElseThrow());
        if (low.accuracy() == high.accuracy() || Noise.beyond(low, high)) {
            return trend;
        }
        return trend.substring(0, trend.length() - 1) + String.format(Locale.ROOT, "; the whole range is within the "
                + "noise (%.3f), so this is no trend.", Noise.threshold(low, high));
    }

    /**
     * Seconds ranked only when the slowest run took at least {@value #CLEAR_TIME_RATIO} x the
     * fastest: on a machine shared with other work, the same training has measured 0.15 s in one
     * run and 0.60 s in another (mlp-leaky-relu-h3 and mlp-tanh-h3, one shape, one gallery).
     */
    static String timing(MlpOutcome fast, MlpOutcome slow) {
        double a = fast.result().seconds();
        double b = slow.result().seconds();
        if (b >= CLEAR_TIME_RATIO * a) {
            return String.format(Locale.ROOT, "Training took %.3f s (%s) to %.3f s (%s): %.1f x, at least the "
                    + "%.0f x beyond which timing noise is not the explanation.", a, fast.name(), b, slow.name(), b / a, CLEAR_TIME_RATIO);
        }
        return String.format(Locale.ROOT, "Training took %.3f to %.3f s: less than %.0f x apart, which timing noise "
                + "can explain, so the runs are not ranked by time.", a, b, CLEAR_TIME_RATIO);
    }

    /** The unstable rule's sentence (see lab.mlp.train.Instability). */
    static String unstable(MlpOutcome r) {
        Instability i = r.result().instability();
        double end = r.result().finalLoss() / i.bestLoss();
        String verdict = end > Instability.FACTOR
                ? "so its final numbers are where a jump left it, not a settled minimum."
                : "back near its best, but the jump shows its step is at the edge of what this network takes.";
        return String.format(Locale.ROOT, "**%s is unstable**: its loss reached its best, %.4f, at pass %d, then rose "
                        + "above %.1f x that at pass %d and as high as %.4g (%.1f x) at pass %d; it ends at %.4f (%.1f x its "
                        + "best), %s", r.name(), i.bestLoss(), i.bestPass(), Instability.FACTOR, i.atPass(), i.peakLoss(),
                i.ratio(), i.peakPass(), r.result().finalLoss(), end, verdict);
    }

    /** How a value moves along the listed order: steadily up, steadily down, or neither. */
    static String trend(String what, List<Double> values, List<MlpOutcome> runs, String format) {
        boolean up = true;
        boolean down = true;
        for (int i = 1; i < values.size(); i++) {
            up &= values.get(i) >= values.get(i - 1);
            down &= values.get(i) <= values.get(i - 1);
        }
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < values.size(); i++) {
            path.append(i == 0 ? "" : " → ").append(String.format(Locale.ROOT, format, values.get(i)));
        }
        String from = runs.get(0).name();
        String to = runs.get(runs.size() - 1).name();
        if (up && down) {
            return what + " is the same for every run (" + path + ").";
        }
        String direction = up ? "never falls" : down ? "never rises" : "is not monotonic";
        return what + " " + direction + " from " + from + " to " + to + ": " + path + ".";
    }
}
