package lab.cnn.report;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import lab.cnn.train.EvalPoint;

/**
 * Sentences about cnn experiments that follow from their numbers alone (errors, epochs,
 * divergence), so the index never claims what the runs did not show. Throughput is shown in the
 * tables but not compared: reference runs share the machine with whatever else runs, so their
 * seconds are not a measurement of speed (the benchmarks are: {@code -Dexp=bench}). A difference
 * between experiments is called a ranking only when it is larger than the noise ({@link Noise}:
 * the test set's binomial standard error and, with several seeds, their spread).
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

    private static boolean converged(SeedGroup g) {
        return !g.anyDiverged() && Double.isFinite(g.meanTestError());
    }

    /** "adam-relu, 1.02% ± 0.08 (n=3)" or "adam-relu, 1.21% (one seed)". */
    private static String named(SeedGroup g) {
        return g.experiment() + ", " + g.testErrorCell() + (g.n() == 1 ? " (one seed)" : "");
    }

    /** Observations about one comparison's experiments (those with results, in the group's order). */
    public static List<String> group(List<SeedGroup> groups) {
        List<String> lines = new ArrayList<>();
        for (SeedGroup g : groups) {
            for (CnnRun r : g.runs()) {
                if (r.metrics().diverged()) {
                    lines.add(divergedSentence(r));
                }
            }
        }
        List<SeedGroup> ok = groups.stream().filter(CnnObservations::converged).toList();
        if (ok.size() >= 2) {
            lines.addAll(errors(ok));
        } else if (groups.size() >= 2) {
            lines.add("Fewer than two experiments converged, so there is no error comparison.");
        }
        return lines;
    }

    private static String divergedSentence(CnnRun r) {
        Long at = r.metrics().divergedAtIteration();
        return "**" + r.name() + " diverged**" + (at == null ? "" : " at iteration " + at)
                + ", so its errors are not a result.";
    }

    private static List<String> errors(List<SeedGroup> ok) {
        List<String> lines = new ArrayList<>();
        List<SeedGroup> byTest = ok.stream().sorted(Comparator.comparingDouble(SeedGroup::meanTestError)).toList();
        SeedGroup best = byTest.get(0);
        SeedGroup worst = byTest.get(byTest.size() - 1);
        double first = ok.get(0).meanEpochs();
        boolean sameEpochs = ok.stream().allMatch(g -> Math.abs(g.meanEpochs() - first) < EPOCH_TOLERANCE);
        String when = sameEpochs ? "After " + epochs(first) + " epochs, " : "At the end of each run, ";
        Noise.Difference spread = Noise.difference(worst.meanTestError(), worst.testErrorSe(), best.meanTestError(),
                best.testErrorSe());
        if (spread.beyondNoise()) {
            lines.add(when + "test error is lowest for " + named(best) + ", and highest for " + named(worst)
                    + ": a difference of " + spread.describe() + ".");
        } else {
            lines.add(when + "test errors range from " + pct(best.meanTestError()) + " (" + best.experiment() + ") to "
                    + pct(worst.meanTestError()) + " (" + worst.experiment() + "), a difference of " + spread.describe()
                    + ": these runs do not rank the experiments.");
        }
        if (spread.beyondNoise() && byTest.size() >= 3) {
            List<String> within = new ArrayList<>();
            List<String> beyond = new ArrayList<>();
            for (SeedGroup g : byTest.subList(1, byTest.size())) {
                Noise.Difference d = Noise.difference(g.meanTestError(), g.testErrorSe(), best.meanTestError(),
                        best.testErrorSe());
                String entry = String.format(Locale.ROOT, "%s (+%.2f points, 2 SE %.2f)", g.experiment(),
                        100 * d.difference(), 100 * d.twoSe());
                (d.beyondNoise() ? beyond : within).add(entry);
            }
            if (!within.isEmpty()) {
                lines.add("Within the noise of " + best.experiment() + ", so not ranked against it: "
                        + String.join(", ", within) + ".");
            }
            lines.add("Above " + best.experiment() + " by more than the noise: " + String.join(", ", beyond) + ".");
        }
        List<String> single = ok.stream().filter(g -> g.n() == 1).map(SeedGroup::experiment).toList();
        if (!single.isEmpty()) {
            lines.add((single.size() == ok.size() ? "Every experiment here has one seed" : "One seed only: "
                    + String.join(", ", single)) + "; the noise there is the test set's sampling error alone "
                    + "(the spread over seeds is not measured), so a difference near 2 SE may not hold for another seed.");
        }
        if (!sameEpochs) {
            commonEpoch(ok).ifPresent(lines::add);
        }
        return lines;
    }

    /** Test errors (of each experiment's own run) at the last evaluation epoch every one reached. */
    private static Optional<String> commonEpoch(List<SeedGroup> ok) {
        double common = ok.stream().mapToDouble(g -> g.first().lastEvalEpoch()).min().orElseThrow();
        List<EvalPoint> points = new ArrayList<>();
        for (SeedGroup g : ok) {
            Optional<EvalPoint> at = g.first().evals().stream().filter(p -> Math.abs(p.epoch() - common)
                    < EPOCH_TOLERANCE && Double.isFinite(p.testAccuracy())).findFirst();
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
        if (points.get(best).testError() == points.get(worst).testError()) {
            return Optional.of(String.format(Locale.ROOT, "At epoch %s, the last evaluation every experiment reached "
                    + "(seed of its own run), every one has the same test error, %s (%s).", epochs(common),
                    pct(points.get(best).testError()),
                    String.join(", ", ok.stream().map(SeedGroup::experiment).toList())));
        }
        int images = ok.get(0).testImages();
        Noise.Difference d = Noise.difference(points.get(worst).testError(),
                Noise.binomialSe(points.get(worst).testError(), images), points.get(best).testError(),
                Noise.binomialSe(points.get(best).testError(), images));
        return Optional.of(String.format(Locale.ROOT, "At epoch %s, the last evaluation every experiment reached "
                        + "(seed of its own run), test error ranges from %s (%s) to %s (%s): %s.", epochs(common),
                pct(points.get(best).testError()), ok.get(best).experiment(), pct(points.get(worst).testError()),
                ok.get(worst).experiment(), d.describe()));
    }

    /** Observations about every experiment with results, for the top of the index. */
    public static List<String> overall(List<SeedGroup> groups, List<String> notRun) {
        List<String> lines = new ArrayList<>();
        int total = groups.size() + notRun.size();
        if (notRun.isEmpty()) {
            lines.add(String.format(Locale.ROOT, "All %d experiments have results.", total));
        } else {
            lines.add(String.format(Locale.ROOT, "%d of %d experiments have results; not run yet: %s.", groups.size(),
                    total, String.join(", ", notRun)));
        }
        if (groups.isEmpty()) {
            return lines;
        }
        List<CnnRun> diverged = groups.stream().flatMap(g -> g.runs().stream())
                .filter(r -> r.metrics().diverged()).toList();
        if (diverged.isEmpty()) {
            lines.add("No run diverged.");
        } else {
            lines.add("Diverged: " + diverged.stream().map(r -> r.name() + (r.metrics().divergedAtIteration() == null
                    ? "" : " (at iteration " + r.metrics().divergedAtIteration() + ")"))
                    .collect(Collectors.joining(", ")) + ".");
        }
        for (SeedGroup g : groups) {
            if (g.n() == 1 && converged(g)) {
                BestEpoch.of(g.first().evals()).filter(b -> b.epoch() < g.first().lastEvalEpoch() - EPOCH_TOLERANCE)
                        .ifPresent(b -> lines.add(String.format(Locale.ROOT, "%s has its lowest validation error at "
                                        + "epoch %s (%s), not at the end (epoch %s): stopped there, its test error would "
                                        + "be %s instead of %s.", g.experiment(), epochs(b.epoch()), pct(b.valError()),
                                epochs(g.first().lastEvalEpoch()), pct(b.testError()),
                                pct(g.first().metrics().testError()))));
            }
        }
        return lines;
    }
}
