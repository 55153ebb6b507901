package lab.mlp.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import lab.mlp.train.Instability;

/**
 * Sentences about a group of runs that follow from their numbers alone, so the report never
 * claims what the runs did not show.
 */
public final class Observations {
    /** How many times slower a run must be before the observations call it slower. */
    static final double CLEAR_TIME_RATIO = 2;
    private Observations() {
    }

    /** @param ordered the runs vary one setting in increasing order */
    public static List<String> of(List<MlpOutcome> runs, boolean ordered) {
        List<String> lines = new ArrayList<>();
        List<MlpOutcome> ok = runs.stream().filter(r -> !r.result().diverged()).toList();
        for (MlpOutcome r : runs) {
            if (r.result().diverged()) {
                lines.add(String.format(Locale.ROOT, "**%s diverged**: %s; it reached loss %.4f at pass %d before "
                                + "that, so its final numbers are not a result.", r.name(), r.result().divergence(),
                        r.result().bestLoss(), r.result().bestLossPass()));
            } else if (r.result().unstable()) {
                lines.add(unstable(r));
            }
        }
        if (ok.size() >= 2) {
            MlpOutcome bestAcc = ok.stream().max(Comparator.comparingDouble((MlpOutcome r) -> r.result().trainAccuracy())
                    .thenComparing(r -> -r.result().finalLoss())).orElseThrow();
            MlpOutcome worstAcc = ok.stream().min(Comparator.comparingDouble((MlpOutcome r) -> r.result().trainAccuracy())
                    .thenComparing(r -> -r.result().finalLoss())).orElseThrow();
            MlpOutcome bestLoss = ok.stream().min(Comparator.comparingDouble(r -> r.result().finalLoss())).orElseThrow();
            if (bestAcc.result().trainAccuracy() == worstAcc.result().trainAccuracy()) {
                lines.add(String.format(Locale.ROOT, "All converged runs reach the same training accuracy, %.3f; "
                        + "the lowest loss is %s's %.4f.", bestAcc.result().trainAccuracy(), bestLoss.name(),
                        bestLoss.result().finalLoss()));
            } else {
                lines.add(String.format(Locale.ROOT, "Training accuracy ranges from %.3f (%s) to %.3f (%s); "
                                + "the lowest loss is %s's %.4f.", worstAcc.result().trainAccuracy(), worstAcc.name(),
                        bestAcc.result().trainAccuracy(), bestAcc.name(), bestLoss.name(), bestLoss.result().finalLoss()));
            }
            if (ordered) {
                lines.add(trend("Loss", ok.stream().map(r -> r.result().finalLoss()).toList(), ok, "%.4f"));
                lines.add(trend("Accuracy", ok.stream().map(r -> r.result().trainAccuracy()).toList(), ok, "%.3f"));
            }
            MlpOutcome fast = ok.stream().min(Comparator.comparingDouble(r -> r.result().seconds())).orElseThrow();
            MlpOutcome slow = ok.stream().max(Comparator.comparingDouble(r -> r.result().seconds())).orElseThrow();
            lines.add(timing(fast, slow));
        }
        return lines;
    }

    /**
     * Seconds ranked only when the slowest run took at least {@value #CLEAR_TIME_RATIO} x the
     * fastest: one timing on a machine shared with other work easily moves by tens of per cent.
     */
    static String timing(MlpOutcome fast, MlpOutcome slow) {
        double a = fast.result().seconds();
        double b = slow.result().seconds();
        if (b >= CLEAR_TIME_RATIO * a) {
            return String.format(Locale.ROOT, "Training took %.3f s (%s) to %.3f s (%s): %.1f x, more than the "
                    + "%.0f x that timing noise can explain.", a, fast.name(), b, slow.name(), b / a, CLEAR_TIME_RATIO);
        }
        return String.format(Locale.ROOT, "Training took %.3f to %.3f s: less than %.0f x apart, which timing noise "
                + "can explain, so the runs are not ranked by time.", a, b, CLEAR_TIME_RATIO);
    }

    /** The unstable rule's sentence (see lab.mlp.train.Instability). */
    static String unstable(MlpOutcome r) {
        Instability i = r.result().instability();
        return String.format(Locale.ROOT, "**%s is unstable**: its loss reached its best, %.4f, at pass %d, then rose "
                        + "above %.1f x that at pass %d and as high as %.4g (%.1f x) at pass %d; it ends at %.4f (%.1f x its "
                        + "best), so its final numbers are where a jump left it, not a settled minimum.", r.name(),
                i.bestLoss(), i.bestPass(), Instability.FACTOR, i.atPass(), i.peakLoss(), i.ratio(), i.peakPass(),
                r.result().finalLoss(), r.result().finalLoss() / i.bestLoss());
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
