package lab.mlp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import lab.mlp.train.CurvePoint;
import lab.mlp.train.Instability;
import lab.mlp.train.Score;
import lab.mlp.train.TrainingResult;
import org.junit.jupiter.api.Test;

class ObservationsTest {

    /** A run on 200 training points, no test set. */
    static MlpOutcome outcome(String name, double loss, double accuracy, double seconds, String divergence) {
        return outcome(name, loss, accuracy, null, seconds, divergence);
    }

    /** @param test accuracy on 1,000 held-out points, or null */
    static MlpOutcome outcome(String name, double loss, double accuracy, Double test, double seconds, String divergence) {
        TrainingResult r = new TrainingResult(loss, accuracy, seconds, divergence != null, divergence, -1, 100,
                divergence == null ? loss : 0.1, 100, null, List.of(new CurvePoint(0, 0.7, 0.5), new CurvePoint(100, loss, accuracy)));
        return new MlpOutcome(name, null, "moons", r, Path.of(name), new Score(loss, accuracy, 200),
                test == null ? null : new Score(0.1, test, 1000));
    }

    @Test
    void describesRangeTrendTimeAndDivergence() {
        List<MlpOutcome> runs = List.of(outcome("a", 0.07, 0.90, 0.01, null), outcome("b", 0.04, 0.95, 0.02, null),
                outcome("c", 0.03, 0.995, 0.04, null), outcome("d", 3.0, 0.5, 0.05, "loss rose from its best 0.1 (pass 100) to 3"));
        List<String> lines = Observations.of(runs, true, true, "x");
        assertEquals(List.of(
                "**d diverged**: loss rose from its best 0.1 (pass 100) to 3; it reached loss 0.1000 at pass 100 before "
                        + "that, so its final numbers are not a result.",
                // se 0.0212 (0.90 of 200) and 0.0050 (0.995): 2 x sqrt(sum of squares) = 0.044 < 0.095
                "Training accuracy ranges from 0.900 (a) to 0.995 (c); the difference, 0.095, is beyond the noise "
                        + "(0.044): c is more accurate than a.",
                "The lowest loss is c's 0.0300.",
                "Loss never rises from a to c: 0.0700 → 0.0400 → 0.0300.",
                "Training accuracy never falls from a to c: 0.900 → 0.950 → 0.995.",
                "Training took 0.010 s (a) to 0.040 s (c): 4.0 x, at least the 4 x beyond which timing noise is not "
                        + "the explanation."), lines);
    }

    @Test
    void accuraciesWithinTheNoiseAreNotRanked() {
        // The L2 section's shape: 0.990 vs 0.975 on 200 points (se 0.0070, 0.0110: noise 0.026).
        List<MlpOutcome> runs = List.of(outcome("l0", 0.018, 0.990, 0.962, 0.030, null),
                outcome("l1", 0.034, 0.985, 0.968, 0.031, null), outcome("l2", 0.081, 0.975, 0.970, 0.040, null));
        List<String> lines = Observations.of(runs, true, true, "reg_lambda");
        assertEquals(List.of(
                "Training accuracy ranges from 0.975 (l2) to 0.990 (l0); the difference, 0.015, is within the noise "
                        + "(0.026), so the runs are not ranked by it.",
                "The lowest loss is l0's 0.0180.",
                "Test accuracy (held-out points) ranges from 0.962 (l0) to 0.970 (l2); the difference, 0.008, is "
                        + "within the noise (0.016), so the runs are not ranked by it.",
                "Train minus test accuracy (the generalisation gap): l0 +0.028, l1 +0.017, l2 +0.005. The largest and "
                        + "smallest gap differ by 0.023, within the noise (0.031), so no run is shown to generalise better.",
                "Loss never falls from l0 to l2: 0.0180 → 0.0340 → 0.0810.",
                "Training accuracy never rises from l0 to l2: 0.990 → 0.985 → 0.975; the whole range is within the "
                        + "noise (0.026), so this is no trend.",
                "Test accuracy never falls from l0 to l2: 0.962 → 0.968 → 0.970; the whole range is within the noise "
                        + "(0.016), so this is no trend.",
                "Training took 0.030 to 0.040 s: less than 4 x apart, which timing noise can explain, so the runs are "
                        + "not ranked by time."), lines);
    }

    @Test
    void saysWhenNothingIsMonotonicOrAllEqual() {
        List<MlpOutcome> runs = List.of(outcome("a", 0.07, 1.0, 0.01, null), outcome("b", 0.04, 1.0, 0.02, null),
                outcome("c", 0.05, 1.0, 0.04, null));
        List<String> lines = Observations.of(runs, true, true, "x");
        assertEquals("Training accuracy is the same for every run, 1.000.", lines.get(0));
        assertEquals("Loss is not monotonic from a to c: 0.0700 → 0.0400 → 0.0500.", lines.get(2));
        assertEquals("Training accuracy is the same for every run (1.000 → 1.000 → 1.000).", lines.get(3));
    }

    @Test
    void aShowcaseIsNotRanked() {
        List<String> lines = Observations.of(List.of(outcome("a", 0.07, 0.9, 0.01, null),
                outcome("b", 0.04, 1.0, 0.5, null)), false, false, "dataset (moons, circles)");
        assertEquals(List.of("Not a comparison: these runs differ in dataset (moons, circles), so they are shown side "
                + "by side, not ranked."), lines);
    }

    @Test
    void timesLessThanFourTimesApartAreNotRanked() {
        List<String> lines = Observations.of(List.of(outcome("a", 0.07, 0.97, 0.030, null),
                outcome("b", 0.04, 0.97, 0.059, null)), false, true, "x");
        assertEquals("Training took 0.030 to 0.059 s: less than 4 x apart, which timing noise can explain, so the "
                + "runs are not ranked by time.", lines.get(lines.size() - 1));
    }

    @Test
    void namesAnUnstableRun() {
        List<CurvePoint> curve = List.of(new CurvePoint(0, 0.7, 0.5), new CurvePoint(900, 0.035, 0.99),
                new CurvePoint(1000, 1.053, 0.6), new CurvePoint(20000, 0.077, 0.98));
        TrainingResult r = new TrainingResult(0.077, 0.98, 0.03, false, null, -1, 20000, 0.035, 900,
                Instability.judge(curve), curve);
        MlpOutcome run = new MlpOutcome("w3", null, "moons", r, Path.of("w3"), new Score(0.07, 0.98, 200), null);
        assertEquals("**w3 is unstable**: its loss reached its best, 0.0350, at pass 900, then rose above 1.5 x that "
                + "at pass 1000 and as high as 1.053 (30.1 x) at pass 1000; it ends at 0.0770 (2.2 x its best), so its "
                + "final numbers are where a jump left it, not a settled minimum.",
                Observations.of(List.of(run), false, true, "x").get(0));
        assertEquals("**yes**: pass 1000, 30.1 x best", GalleryReport.unstable(run));
        assertEquals("0.980 ± 0.010", GalleryReport.accuracy(run.train()));
    }

    @Test
    void anUnstableRunBackNearItsBestIsSaidToBe() {
        List<CurvePoint> curve = List.of(new CurvePoint(0, 0.7, 0.5), new CurvePoint(2150, 0.02, 0.99),
                new CurvePoint(2200, 0.32, 0.9), new CurvePoint(5000, 0.0214, 0.995));
        TrainingResult r = new TrainingResult(0.0214, 0.995, 0.03, false, null, -1, 5000, 0.02, 2150,
                Instability.judge(curve), curve);
        MlpOutcome run = new MlpOutcome("sgd", null, "moons", r, Path.of("sgd"), new Score(0.02, 0.995, 200), null);
        assertEquals("**sgd is unstable**: its loss reached its best, 0.0200, at pass 2150, then rose above 1.5 x that "
                + "at pass 2200 and as high as 0.3200 (16.0 x) at pass 2200; it ends at 0.0214 (1.1 x its best), back "
                + "near its best, but the jump shows its step is at the edge of what this network takes.",
                Observations.of(List.of(run), false, true, "x").get(0));
    }

    @Test
    void equalGapsAreSaidOnce() {
        List<MlpOutcome> runs = List.of(outcome("a", 0.001, 1.0, 1.0, 0.01, null), outcome("b", 0.001, 1.0, 1.0, 0.01, null));
        assertEquals("Train minus test accuracy (the generalisation gap) is the same for every run, +0.000.",
                Observations.gaps(runs));
    }
}
