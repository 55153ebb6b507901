package lab.mlp.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.mlp.data.Dataset;
import lab.mlp.data.ToyData;
import lab.mlp.model.Activation;
import lab.mlp.model.NLayerNetwork;
import lab.mlp.model.ThreeLayerNetwork;
import org.junit.jupiter.api.Test;

/** Training with the assignment's settings reaches the Q1 report's accuracies. */
class TrainerTest {
    private static final Dataset MOONS = ToyData.moons(200, 0.2, 0);

    private static TrainingResult train(int hidden) {
        return new Trainer(TrainingConfig.assignmentDefaults(), null)
                .train(new ThreeLayerNetwork(2, hidden, 2, Activation.TANH, 0.01, 200, 0), MOONS);
    }

    @Test
    void hiddenThreeReachesAbout97Percent() {
        TrainingResult r = train(3);
        assertFalse(r.diverged());
        assertTrue(r.trainAccuracy() >= 0.96 && r.trainAccuracy() <= 0.99, "accuracy " + r.trainAccuracy());
        assertEquals(20_000, r.passesRun());
        assertEquals(201, r.curve().size()); // pass 0, every 100, and the end
        assertTrue(r.finalLoss() < r.curve().get(0).loss() / 5);
    }

    @Test
    void hiddenFiveAndMoreReach99Percent() {
        for (int hidden : new int[] {5, 10}) {
            TrainingResult r = train(hidden);
            assertTrue(r.trainAccuracy() >= 0.985, "hidden " + hidden + ": " + r.trainAccuracy());
            assertNull(r.divergence());
        }
    }

    @Test
    void tenLayerWidthFiveNetIsReportedAsDiverged() {
        int[] sizes = {2, 5, 5, 5, 5, 5, 5, 5, 5, 2};
        TrainingResult r = new Trainer(TrainingConfig.assignmentDefaults(), null)
                .train(new NLayerNetwork(sizes, Activation.TANH, 0.01, 200, 0), MOONS);
        assertTrue(r.diverged(), "final loss " + r.finalLoss() + ", best " + r.bestLoss());
        assertTrue(r.divergence().startsWith("loss rose"), r.divergence());
        assertTrue(r.finalLoss() > 2 * r.bestLoss());
    }

    @Test
    void overflowStopsAtOnceWithTheFirstNonFinitePass() {
        // epsilon * lambda = 10: the weight-decay step alone multiplies every weight by -9 per pass.
        TrainingConfig huge = new TrainingConfig(10, 1.0, 5_000, GradientScale.SUM, 0, 0, 1_000);
        TrainingResult r = new Trainer(huge, null)
                .train(new NLayerNetwork(new int[] {2, 8, 8, 2}, Activation.IDENTITY, 0.01, 200, 0), MOONS);
        assertTrue(r.diverged());
        assertTrue(r.divergedAtPass() >= 0 && r.divergedAtPass() < 5_000, "at " + r.divergedAtPass());
        assertEquals(r.divergedAtPass(), r.passesRun());
        assertFalse(Double.isFinite(r.finalLoss()));
    }

    @Test
    void miniBatchSgdLearnsToo() {
        TrainingConfig sgd = new TrainingConfig(0.1, 0.001, 300, GradientScale.MEAN, 16, 1, 50);
        TrainingResult r = new Trainer(sgd, null).train(new NLayerNetwork(new int[] {2, 8, 2}, Activation.TANH,
                0.01, 16, 0), MOONS);
        assertFalse(r.diverged());
        assertTrue(r.trainAccuracy() >= 0.95, "accuracy " + r.trainAccuracy());
        assertEquals(List.of(0, 50, 100, 150, 200, 250, 300), r.curve().stream().map(CurvePoint::pass).toList());
    }

    @Test
    void meanGradientWithNTimesTheStepEqualsSumGradient() {
        Dataset data = ToyData.moons(40, 0.2, 0);
        TrainingConfig sum = new TrainingConfig(0.01, 0.0, 50, GradientScale.SUM, 0, 0, 10);
        TrainingConfig mean = new TrainingConfig(0.01 * 40, 0.0, 50, GradientScale.MEAN, 0, 0, 10);
        TrainingResult a = new Trainer(sum, null).train(new NLayerNetwork(new int[] {2, 4, 2}, Activation.TANH, 0, 40, 0), data);
        TrainingResult b = new Trainer(mean, null).train(new NLayerNetwork(new int[] {2, 4, 2}, Activation.TANH, 0, 40, 0), data);
        assertEquals(a.finalLoss(), b.finalLoss(), 1e-9);
    }
}
