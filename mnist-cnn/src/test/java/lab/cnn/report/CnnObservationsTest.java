package lab.cnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class CnnObservationsTest {
    private static CnnRun run(String name, double epochs, double val, double test, double ips, Long divergedAt) {
        return ReportFixtures.run(ReportFixtures.metrics(name, epochs, val, test, ips, divergedAt));
    }

    @Test
    void sameEpochsBestWorstRankingDivergenceAndSpeed() {
        List<CnnRun> runs = List.of(run("a", 1, 0.98, 0.97, 900, null), run("b", 1, 0.99, 0.985, 1100.4, null),
                run("c", 1, 0.95, 0.94, 650, null), run("d", 1, 0.1, 0.098, 700, 350L));
        assertEquals(List.of(
                "**d diverged** at iteration 350, so its errors are not a result.",
                "After 1.00 epochs, test error is lowest for b, 1.50% (validation 1.00%), and highest for c, 6.00% "
                        + "(validation 5.00%).",
                "Ranked by final test error: b (1.50%), a (3.00%), c (6.00%).",
                "Throughput ranges from 650 img/s (c) to 1100 img/s (b)."), CnnObservations.group(runs));
        assertEquals(List.of(
                "4 of 5 experiments have results; not run yet: e.",
                "Diverged: d (at iteration 350).",
                "Slowest training: c, 650 img/s; fastest: b, 1100 img/s."), CnnObservations.overall(runs, List.of("e")));
    }

    @Test
    void differentEpochsAreComparedAtTheLastCommonEvaluation() {
        // a: 3 epochs, evaluations at 1, 2, 3 with test accuracy 0.95, 0.96, 0.97; b: 1 epoch at 0.96.
        List<CnnRun> runs = List.of(run("a", 3, 0.98, 0.97, 900, null), run("b", 1, 0.97, 0.96, 900, null));
        assertEquals(List.of(
                "Final test error is lowest for a, 3.00% after 3.00 epochs (validation 2.00%), and highest for b, 4.00% "
                        + "after 1.00 epochs (validation 3.00%).",
                "At epoch 1.00, the last evaluation every converged run reached, test error ranges from 4.00% (b) to "
                        + "5.00% (a).",
                "Every run trains at 900 img/s."), CnnObservations.group(runs));
    }

    @Test
    void equalErrorsAndTooFewConvergedRuns() {
        assertEquals(List.of("After 1.00 epochs, every converged run has the same test error, 3.00%.",
                        "Throughput ranges from 800 img/s (b) to 900 img/s (a)."),
                CnnObservations.group(List.of(run("a", 1, 0.98, 0.97, 900, null), run("b", 1, 0.99, 0.97, 800, null))));
        assertEquals(List.of("**b diverged**, so its errors are not a result.",
                        "Fewer than two runs converged, so there is no error comparison.",
                        "Throughput ranges from 800 img/s (b) to 900 img/s (a)."),
                CnnObservations.group(List.of(run("a", 1, 0.98, 0.97, 900, null),
                        ReportFixtures.run(withDivergedUnknown(ReportFixtures.metrics("b", 1, 0.1, 0.1, 800, 10L))))));
    }

    private static CnnMetrics withDivergedUnknown(CnnMetrics m) {
        return new CnnMetrics(m.experiment(), m.description(), m.command(), m.config(), m.dataset(), m.valAccuracy(),
                m.testAccuracy(), m.valError(), m.testError(), m.trainSeconds(), m.evalSeconds(), m.imagesPerSecond(),
                m.iterations(), m.epochs(), true, null, m.resumedAt(), m.curves(), m.backend(), m.versions(), m.model());
    }
}
