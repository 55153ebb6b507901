package lab.cnn.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import lab.cnn.train.EvalPoint;

/**
 * Sentences about cnn runs that follow from their numbers alone (errors, epochs, divergence,
 * throughput), so the index never claims what the runs did not show.
 */
public final class CnnObservations {
    /** Epochs closer than this are the same epoch (eval.csv keeps 5 decimals). */
    static final double EPOCH_TOLERANCE = 1e-4;

    private CnnObservations() {
    }

    static String pct(double error) {
        return String.format(Locale.ROOT, "%.2f%%", 100 * error);
    }

    static String epochs(double e) {
        return String.format(Locale.ROOT, "%.2f", e);
    }

    static String speed(double imagesPerSecond) {
        return String.format(Locale.ROOT, "%.0f img/s", imagesPerSecond);
    }

    private static boolean converged(CnnRun r) {
        return !r.metrics().diverged() && Double.isFinite(r.metrics().testError());
    }

    /** Observations about one group's runs (those with results, in the group's order). */
    public static List<String> group(List<CnnRun> runs) {
        List<String> lines = new ArrayList<>();
        for (CnnRun r : runs) {
            if (r.metrics().diverged()) {
                lines.add(divergedSentence(r));
            }
        }
        List<CnnRun> ok = runs.stream().filter(CnnObservations::converged).toList();
        if (ok.size() >= 2) {
            lines.addAll(errors(ok));
        } else if (runs.size() >= 2) {
            lines.add("Fewer than two runs converged, so there is no error comparison.");
        }
        speeds(runs, "Throughput ranges from %s (%s) to %s (%s).", "Every run trains at %s.").ifPresent(lines::add);
        return lines;
    }

    private static String divergedSentence(CnnRun r) {
        Long at = r.metrics().divergedAtIteration();
        return "**" + r.name() + " diverged**" + (at == null ? "" : " at iteration " + at)
                + ", so its errors are not a result.";
    }

    private static List<String> errors(List<CnnRun> ok) {
        List<String> lines = new ArrayList<>();
        Comparator<CnnRun> byTest = Comparator.comparingDouble(r -> r.metrics().testError());
        CnnRun best = ok.stream().min(byTest).orElseThrow();
        CnnRun worst = ok.stream().max(byTest).orElseThrow();
        double first = ok.get(0).metrics().epochs();
        boolean sameEpochs = ok.stream().allMatch(r -> Math.abs(r.metrics().epochs() - first) < EPOCH_TOLERANCE);
        CnnMetrics b = best.metrics();
        CnnMetrics w = worst.metrics();
        if (pct(b.testError()).equals(pct(w.testError()))) {
            lines.add(sameEpochs
                    ? String.format(Locale.ROOT, "After %s epochs, every converged run has the same test error, %s.",
                            epochs(first), pct(b.testError()))
                    : String.format(Locale.ROOT, "Every converged run ends with the same test error, %s, after "
                            + "%s to %s epochs.", pct(b.testError()), epochs(minEpochs(ok)), epochs(maxEpochs(ok))));
        } else if (sameEpochs) {
            lines.add(String.format(Locale.ROOT, "After %s epochs, test error is lowest for %s, %s (validation %s), "
                            + "and highest for %s, %s (validation %s).", epochs(first), best.name(),
                    pct(b.testError()), pct(b.valError()), worst.name(), pct(w.testError()), pct(w.valError())));
        } else {
            lines.add(String.format(Locale.ROOT, "Final test error is lowest for %s, %s after %s epochs "
                            + "(validation %s), and highest for %s, %s after %s epochs (validation %s).",
                    best.name(), pct(b.testError()), epochs(b.epochs()), pct(b.valError()), worst.name(),
                    pct(w.testError()), epochs(w.epochs()), pct(w.valError())));
        }
        if (ok.size() >= 3) {
            lines.add("Ranked by final test error: " + ok.stream().sorted(byTest)
                    .map(r -> r.name() + " (" + pct(r.metrics().testError()) + ")")
                    .collect(Collectors.joining(", ")) + ".");
        }
        if (!sameEpochs) {
            commonEpoch(ok).ifPresent(lines::add);
        }
        return lines;
    }

    /** Test errors at the last evaluation epoch every run reached, when every run was evaluated there. */
    private static Optional<String> commonEpoch(List<CnnRun> ok) {
        double common = ok.stream().mapToDouble(CnnRun::lastEvalEpoch).min().orElseThrow();
        List<EvalPoint> points = new ArrayList<>();
        for (CnnRun r : ok) {
            Optional<EvalPoint> at = r.evals().stream().filter(p -> Math.abs(p.epoch() - common) < EPOCH_TOLERANCE
                    && Double.isFinite(p.testAccuracy())).findFirst();
            if (at.isEmpty()) {
                return Optional.empty();
            }
            points.add(at.get());
        }
        int best = 0;
        int worst = 0;
        for (int i = 1; i < points.size(); i++) {
            best = points.get(i).testError() < points.get(best).testError() ? i : best;
            worst = points.get(i).testError() > points.get(worst).testError() ? i : worst;
        }
        String lo = pct(points.get(best).testError());
        String hi = pct(points.get(worst).testError());
        if (lo.equals(hi)) {
            return Optional.of(String.format(Locale.ROOT, "At epoch %s, the last evaluation every converged run "
                    + "reached, all have test error %s.", epochs(common), lo));
        }
        return Optional.of(String.format(Locale.ROOT, "At epoch %s, the last evaluation every converged run "
                        + "reached, test error ranges from %s (%s) to %s (%s).", epochs(common), lo,
                ok.get(best).name(), hi, ok.get(worst).name()));
    }

    private static double minEpochs(List<CnnRun> runs) {
        return runs.stream().mapToDouble(r -> r.metrics().epochs()).min().orElseThrow();
    }

    private static double maxEpochs(List<CnnRun> runs) {
        return runs.stream().mapToDouble(r -> r.metrics().epochs()).max().orElseThrow();
    }

    /** Slowest and fastest training throughput, when at least two runs recorded one. */
    private static Optional<String> speeds(List<CnnRun> runs, String rangeFormat, String sameFormat) {
        List<CnnRun> timed = runs.stream()
                .filter(r -> Double.isFinite(r.metrics().imagesPerSecond()) && r.metrics().imagesPerSecond() > 0)
                .toList();
        if (timed.size() < 2) {
            return Optional.empty();
        }
        Comparator<CnnRun> bySpeed = Comparator.comparingDouble(r -> r.metrics().imagesPerSecond());
        CnnRun slow = timed.stream().min(bySpeed).orElseThrow();
        CnnRun fast = timed.stream().max(bySpeed).orElseThrow();
        String lo = speed(slow.metrics().imagesPerSecond());
        String hi = speed(fast.metrics().imagesPerSecond());
        if (lo.equals(hi)) {
            return Optional.of(String.format(Locale.ROOT, sameFormat, lo));
        }
        return Optional.of(String.format(Locale.ROOT, rangeFormat, lo, slow.name(), hi, fast.name()));
    }

    /** Observations about every run with results, for the top of the index. */
    public static List<String> overall(List<CnnRun> runs, List<String> notRun) {
        List<String> lines = new ArrayList<>();
        int total = runs.size() + notRun.size();
        if (notRun.isEmpty()) {
            lines.add(String.format(Locale.ROOT, "All %d experiments have results.", total));
        } else {
            lines.add(String.format(Locale.ROOT, "%d of %d experiments have results; not run yet: %s.", runs.size(),
                    total, String.join(", ", notRun)));
        }
        if (runs.isEmpty()) {
            return lines;
        }
        List<CnnRun> diverged = runs.stream().filter(r -> r.metrics().diverged()).toList();
        if (diverged.isEmpty()) {
            lines.add("No run diverged.");
        } else {
            lines.add("Diverged: " + diverged.stream().map(r -> r.name() + (r.metrics().divergedAtIteration() == null
                    ? "" : " (at iteration " + r.metrics().divergedAtIteration() + ")"))
                    .collect(Collectors.joining(", ")) + ".");
        }
        speeds(runs, "Slowest training: %2$s, %1$s; fastest: %4$s, %3$s.", "Every run trains at %s.")
                .ifPresent(lines::add);
        return lines;
    }
}
