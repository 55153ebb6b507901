package lab.mlp.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import lab.mlp.train.CurvePoint;
import lab.mlp.train.Instability;
import lab.mlp.train.TrainingResult;
import org.junit.jupiter.api.Test;

class ObservationsTest {

    static MlpOutcome outcome(String name, double loss, double accuracy, double seconds, String divergence) {
        TrainingResult r = new TrainingResult(loss, accuracy, seconds, divergence != null, divergence, -1, 100,
                divergence == null ? loss : 0.1, 100, null, List.of(new CurvePoint(0, 0.7, 0.5), new CurvePoint(100, loss, accuracy)));
        return new MlpOutcome(name, null, "moons", r, Path.of(name));
    }

    @Test
    void describesRangeTrendTimeAndDivergence() {
        List<MlpOutcome> runs = List.of(outcome("a", 0.07, 0.97, 0.01, null), outcome("b", 0.04, 0.985, 0.02, null),
                outcome("c", 0.03, 0.995, 0.04, null), outcome("d", 3.0, 0.5, 0.05, "loss rose from its best 0.1 (pass 100) to 3"));
        List<String> lines = Observations.of(runs, true);
        assertEquals(List.of(
                "**d diverged**: loss rose from its best 0.1 (pass 100) to 3; it reached loss 0.1000 at pass 100 before "
                        + "that, so its final numbers are not a result.",
                "Training accuracy ranges from 0.970 (a) to 0.995 (c); the lowest loss is c's 0.0300.",
                "Loss never rises from a to c: 0.0700 → 0.0400 → 0.0300.",
                "Accuracy never falls from a to c: 0.970 → 0.985 → 0.995.",
                "Training took 0.010 s (a) to 0.040 s (c): 4.0 x, more than the 2 x that timing noise can explain."), lines);
    }

    @Test
    void saysWhenNothingIsMonotonicOrAllEqual() {
        List<MlpOutcome> runs = List.of(outcome("a", 0.07, 1.0, 0.01, null), outcome("b", 0.04, 1.0, 0.02, null),
                outcome("c", 0.05, 1.0, 0.04, null));
        List<String> lines = Observations.of(runs, true);
        assertEquals("All converged runs reach the same training accuracy, 1.000; the lowest loss is b's 0.0400.", lines.get(0));
        assertEquals("Loss is not monotonic from a to c: 0.0700 → 0.0400 → 0.0500.", lines.get(1));
        assertEquals("Accuracy is the same for every run (1.000 → 1.000 → 1.000).", lines.get(2));
    }

    @Test
    void namesAnUnstableRun() {
        List<CurvePoint> curve = List.of(new CurvePoint(0, 0.7, 0.5), new CurvePoint(900, 0.035, 0.99),
                new CurvePoint(1000, 1.053, 0.6), new CurvePoint(20000, 0.077, 0.98));
        TrainingResult r = new TrainingResult(0.077, 0.98, 0.03, false, null, -1, 20000, 0.035, 900,
                Instability.judge(curve), curve);
        MlpOutcome run = new MlpOutcome("w3", null, "moons", r, Path.of("w3"));
        assertEquals("**w3 is unstable**: its loss reached its best, 0.0350, at pass 900, then rose above 1.5 x that "
                + "at pass 1000 and as high as 1.053 (30.1 x) at pass 1000; it ends at 0.0770 (2.2 x its best), so its "
                + "final numbers are where a jump left it, not a settled minimum.", Observations.of(List.of(run), false).get(0));
        assertEquals("**yes**: pass 1000, 30.1 x best", GalleryReport.unstable(run));
    }

    @Test
    void timesLessThanTwiceApartAreNotRanked() {
        List<String> lines = Observations.of(List.of(outcome("a", 0.07, 0.97, 0.030, null),
                outcome("b", 0.04, 0.97, 0.059, null)), false);
        assertEquals("Training took 0.030 to 0.059 s: less than 2 x apart, which timing noise can explain, so the "
                + "runs are not ranked by time.", lines.get(lines.size() - 1));
    }
}
