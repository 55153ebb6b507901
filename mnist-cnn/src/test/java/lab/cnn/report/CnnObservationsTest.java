package lab.cnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Sentences from synthetic runs, with the noise worked out by hand in the comments. */
class CnnObservationsTest {
    private static CnnRun run(String name, double epochs, double val, double test, double ips, Long divergedAt) {
        return ReportFixtures.run(ReportFixtures.metrics(name, epochs, val, test, ips, divergedAt));
    }

    private static SeedGroup one(String name, double epochs, double val, double test, double ips, Long divergedAt) {
        return new SeedGroup(name, List.of(run(name, epochs, val, test, ips, divergedAt)));
    }

    @Test
    void aRankingIsStatedOnlyBeyondTwiceTheStandardErrorOfTheDifference() {
        // 10,000 test images. b 1.50% (SE 0.122 points), a 3.00% (0.171), c 6.00% (0.237).
        // c - b = 4.50 points, 2 SE = 2 sqrt(0.237^2 + 0.122^2) = 0.53; a - b = 1.50, 2 SE = 0.42.
        List<SeedGroup> groups = List.of(one("a", 1, 0.98, 0.97, 900, null), one("b", 1, 0.99, 0.985, 1100.4, null),
                one("c", 1, 0.95, 0.94, 650, null), one("d", 1, 0.1, 0.098, 700, 350L));
        assertEquals(List.of(
                "**d diverged** at iteration 350, so its errors are not a result.",
                "After 1.00 epochs, test error is lowest for b, 1.50% (one seed), and highest for c, 6.00% (one seed): "
                        + "a difference of 4.50 points, beyond the noise (2 SE = 0.53 points).",
                "Above b by more than the noise: a (+1.50 points, 2 SE 0.42), c (+4.50 points, 2 SE 0.53).",
                "Every experiment here has one seed; the noise there is the test set's sampling error alone (the "
                        + "spread over seeds is not measured), so a difference near 2 SE may not hold for another seed."), CnnObservations.group(groups));
        assertEquals(List.of(
                "4 of 5 experiments have results; not run yet: e.",
                "Diverged: d (at iteration 350)."), CnnObservations.overall(groups, List.of("e")));
    }

    @Test
    void differencesWithinTheNoiseAreNotRanked() {
        // 1.00% vs 0.93%: 0.07 points; 2 SE = 2 sqrt(0.01 * 0.99 + 0.0093 * 0.9907) / 100 = 0.28 points.
        assertEquals(List.of("After 1.00 epochs, test errors range from 0.93% (b) to 1.00% (a), a difference of 0.07 "
                        + "points, within the noise (2 SE = 0.28 points): these runs do not rank the experiments.",
                "Every experiment here has one seed; the noise there is the test set's sampling error alone (the "
                        + "spread over seeds is not measured), so a difference near 2 SE may not hold for another seed."),
                CnnObservations.group(List.of(one("a", 1, 0.99, 0.99, 900, null), one("b", 1, 0.99, 0.9907, 900, null))));
    }

    @Test
    void seedsAddTheirSpreadToTheNoise() {
        // x: 1.0, 1.2, 1.1% (mean 1.10, sd 0.10); y: 0.9, 0.8, 1.0% (mean 0.90, sd 0.10).
        // SE(x) = sqrt(0.011 * 0.989 / 10^4 + 0.001^2 / 3) = 0.119 points, SE(y) = 0.111; 2 SE(diff) = 0.33 points.
        SeedGroup x = new SeedGroup("x", List.of(run("x", 1, 0.99, 0.990, 900, null),
                run("x-seed1", 1, 0.99, 0.988, 900, null), run("x-seed2", 1, 0.99, 0.989, 900, null)));
        SeedGroup y = new SeedGroup("y", List.of(run("y", 1, 0.99, 0.991, 900, null),
                run("y-seed1", 1, 0.99, 0.992, 900, null), run("y-seed2", 1, 0.99, 0.990, 900, null)));
        assertEquals("1.10% ± 0.10 (n=3)", x.testErrorCell());
        assertEquals(0.00119, x.testErrorSe(), 5e-6);
        assertEquals(List.of("After 1.00 epochs, test errors range from 0.90% (y) to 1.10% (x), a difference of 0.20 "
                        + "points, within the noise (2 SE = 0.33 points): these runs do not rank the experiments."), CnnObservations.group(List.of(x, y)));
    }

    @Test
    void differentEpochsAreComparedAtTheLastCommonEvaluation() {
        // a: 3 epochs, evaluations at 1, 2, 3 with test accuracy 0.95, 0.96, 0.97; b: 1 epoch at 0.96.
        List<String> lines = CnnObservations.group(List.of(one("a", 3, 0.98, 0.97, 900, null),
                one("b", 1, 0.97, 0.96, 900, null)));
        assertEquals("At the end of each run, test error is lowest for a, 3.00% (one seed), and highest for b, 4.00% "
                + "(one seed): a difference of 1.00 points, beyond the noise (2 SE = 0.52 points).", lines.get(0));
        assertTrue(lines.contains("At epoch 1.00, the last evaluation every experiment reached (seed of its own run), "
                + "test error ranges from 4.00% (b) to 5.00% (a): 1.00 points, beyond the noise (2 SE = 0.59 points)."),
                lines.toString());
    }

    @Test
    void equalErrorsAtTheCommonEvaluationNameEveryExperiment() {
        // a at epoch 1: test accuracy 0.95 (see above); b ends there with the same 0.95
        List<String> lines = CnnObservations.group(List.of(one("a", 3, 0.98, 0.97, 900, null),
                one("b", 1, 0.97, 0.95, 900, null)));
        assertTrue(lines.contains("At epoch 1.00, the last evaluation every experiment reached (seed of its own run), "
                + "every one has the same test error, 5.00% (a, b)."), lines.toString());
    }

    @Test
    void theBestValidationEpochIsReportedWhenItIsNotTheLast() {
        // evaluations at epochs 1, 2, 3 with validation accuracy 0.96, 0.97, 0.98: best is the last, nothing said
        assertEquals(List.of("All 1 experiments have results.", "No run diverged."),
                CnnObservations.overall(List.of(one("a", 3, 0.98, 0.97, 900, null)), List.of()));
        CnnMetrics m = ReportFixtures.metrics("p", 3, 0.98, 0.97, 900, null);
        List<lab.cnn.train.EvalPoint> evals = List.of(new lab.cnn.train.EvalPoint(1100, 1, 0.97, 0.96, 60),
                new lab.cnn.train.EvalPoint(2200, 2, 0.99, 0.975, 120), new lab.cnn.train.EvalPoint(3300, 3, 0.98, 0.97, 180));
        CnnRun peaked = new CnnRun("p", java.nio.file.Path.of("p"), m, m.curves().loss(), evals,
                java.nio.file.Path.of("runs/p/layer-stats.csv"), List.of());
        BestEpoch best = BestEpoch.of(evals).orElseThrow();
        assertEquals(2200, best.iteration());
        assertEquals(0.01, best.valError(), 1e-12);
        assertEquals(0.025, best.testError(), 1e-12);
        assertTrue(CnnObservations.overall(List.of(new SeedGroup("p", List.of(peaked))), List.of()).contains(
                "p has its lowest validation error at epoch 2.00 (1.00%), not at the end (epoch 3.00): stopped there, "
                        + "its test error would be 2.50% instead of 3.00%."));
    }

    @Test
    void tooFewConvergedRuns() {
        assertEquals(List.of("**b diverged**, so its errors are not a result.",
                        "Fewer than two experiments converged, so there is no error comparison."),
                CnnObservations.group(List.of(one("a", 1, 0.98, 0.97, 900, null), new SeedGroup("b", List.of(
                        ReportFixtures.run(withDivergedUnknown(ReportFixtures.metrics("b", 1, 0.1, 0.1, 800, 10L))))))));
    }

    private static CnnMetrics withDivergedUnknown(CnnMetrics m) {
        return new CnnMetrics(m.experiment(), m.description(), m.command(), m.config(), m.dataset(), m.valAccuracy(),
                m.testAccuracy(), m.valError(), m.testError(), m.trainSeconds(), m.evalSeconds(), m.imagesPerSecond(),
                m.iterations(), m.epochs(), true, null, m.resumedAt(), m.curves(), m.backend(), m.versions(), m.model());
    }
}
