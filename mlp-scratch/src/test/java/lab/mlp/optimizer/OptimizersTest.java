package lab.mlp.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import lab.mlp.data.Dataset;
import lab.mlp.data.ToyData;
import lab.mlp.model.Activation;
import lab.mlp.model.NLayerNetwork;
import lab.mlp.train.GradientScale;
import lab.mlp.train.Trainer;
import lab.mlp.train.TrainingConfig;
import lab.mlp.train.TrainingResult;
import org.junit.jupiter.api.Test;

/** Each update rule on a one-parameter problem, against the formula worked out by hand. */
class OptimizersTest {
    private static final double TIGHT = 1e-15;

    /** Steps a single parameter w with the given gradients; returns w after each step. */
    private static double[] run(OptimizerSpec spec, double w0, double... gradients) {
        double[] w = {w0};
        double[] g = new double[1];
        Optimizer opt = spec.create(List.of(w));
        double[] after = new double[gradients.length];
        for (int t = 0; t < gradients.length; t++) {
            g[0] = gradients[t];
            opt.step(List.of(w), List.of(g), t + 1);
            after[t] = w[0];
        }
        return after;
    }

    @Test
    void momentumTwoSteps() {
        // lr 0.1, mu 0.9, g = 2 twice: v1 = -0.2, w1 = 0.8; v2 = 0.9 * -0.2 - 0.2 = -0.38, w2 = 0.42.
        double[] w = run(new Momentum(0.1, 0.9, false), 1.0, 2.0, 2.0);
        assertEquals(0.8, w[0], TIGHT);
        assertEquals(0.42, w[1], TIGHT);
    }

    @Test
    void nesterovTwoSteps() {
        // The step is mu * v_new - lr * g: w1 = 1 + 0.9 * -0.2 - 0.2 = 0.62; v2 = -0.38,
        // w2 = 0.62 + 0.9 * -0.38 - 0.2 = 0.078.
        double[] w = run(new Momentum(0.1, 0.9, true), 1.0, 2.0, 2.0);
        assertEquals(0.62, w[0], TIGHT);
        assertEquals(0.078, w[1], TIGHT);
    }

    @Test
    void adagradTwoSteps() {
        // G1 = 4, w1 = 1 - 0.1 * 2 / (2 + 1e-8); G2 = 5, w2 = w1 - 0.1 * 1 / (sqrt 5 + 1e-8).
        double[] w = run(new Adagrad(0.1, 1e-8), 1.0, 2.0, 1.0);
        double w1 = 0.9000000005; // 1 - 0.2 / 2.00000001
        assertEquals(w1, w[0], TIGHT);
        assertEquals(w1 - 0.0447213593499958, w[1], 1e-14); // 0.1 / 2.2360679874997896
    }

    @Test
    void adamFirstStepHasSizeLearningRate() {
        // m1 = 0.1 * 0.5 = 0.05, v1 = 0.001 * 0.25 = 0.00025; bias-corrected mHat = 0.5, vHat = 0.25;
        // w1 = 1 - 0.1 * 0.5 / (0.5 + 1e-8) = 0.9 + 2e-9 (to 1e-17).
        double[] w = run(new Adam(0.1, 0.9, 0.999, 1e-8), 1.0, 0.5);
        assertEquals(0.900000002, w[0], 1e-15);
    }

    @Test
    void adamSecondStepUsesBothCorrections() {
        // g = 0.5 then -0.5. m2 = 0.9 * 0.05 - 0.05 = -0.005, c1 = 1 - 0.81 = 0.19, mHat = -0.5/19;
        // v2 = 0.999 * 0.00025 + 0.00025 = 0.00049975, c2 = 1 - 0.998001 = 0.001999, vHat = 0.25;
        // w2 = w1 + 0.1 * (0.5/19) / (0.5 + 1e-8).
        double[] w = run(new Adam(0.1, 0.9, 0.999, 1e-8), 1.0, 0.5, -0.5);
        double w1 = 0.900000002;
        assertEquals(w1 + 0.1 * (0.5 / 19) / (0.5 + 1e-8), w[1], 1e-14);
        assertEquals(0.9052631597894737, w[1], 1e-14); // 0.900000002 + 0.1 / 19 * (1 - 2e-8)
    }

    @Test
    void stateIsPerParameterArrayAndPerOptimizer() {
        OptimizerSpec spec = new Adam(0.1, null, null, null);
        double[] a = {1.0, 1.0};
        double[] b = {1.0};
        Optimizer one = spec.create(List.of(a, b));
        one.step(List.of(a, b), List.of(new double[] {0.5, -0.5}, new double[] {0.5}), 1);
        one.step(List.of(a, b), List.of(new double[] {0.5, -0.5}, new double[] {-0.5}), 2);
        double[] alone = {1.0};
        Optimizer two = spec.create(List.of(alone)); // a fresh optimizer starts from zero moments
        two.step(List.of(alone), List.of(new double[] {0.5}), 1);
        two.step(List.of(alone), List.of(new double[] {-0.5}), 2);
        assertEquals(alone[0], b[0], 0.0);
        assertArrayEquals(new double[] {1 - 2 * 0.1 * 0.5 / (0.5 + 1e-8), 1 + 2 * 0.1 * 0.5 / (0.5 + 1e-8)}, a, 1e-14);
    }

    @Test
    void defaultsAreTheUsualOnes() {
        assertEquals(new Adam(0.001, 0.9, 0.999, 1e-8), new Adam(null, null, null, null));
        assertEquals(new Momentum(0.01, 0.9, false), new Momentum(null, null, null));
        assertEquals(new Adagrad(0.01, 1e-8), new Adagrad(null, null));
        assertEquals(new Sgd(0.01), new Sgd(null));
        assertEquals(new Adam(0.5, 0.8, 0.99, 1e-6), new Adam(0.1, 0.8, 0.99, 1e-6).withLearningRate(0.5));
    }

    /** Every kind trains the moons net, lowers the loss, and gives the same bits when run twice. */
    @Test
    void everyOptimizerTrainsAndIsDeterministic() {
        Dataset moons = ToyData.moons(100, 0.2, 0);
        for (OptimizerSpec spec : List.of(new Sgd(0.01), new Momentum(0.002, 0.9, false), new Momentum(0.002, 0.9, true),
                new Adagrad(0.05, null), new Adam(0.01, null, null, null))) {
            TrainingConfig config = new TrainingConfig(spec, 0.01, 500, GradientScale.SUM, 0, 0, 100);
            TrainingResult a = new Trainer(config, null).train(new NLayerNetwork(new int[] {2, 5, 2}, Activation.TANH, 0.01, 100, 0), moons);
            TrainingResult b = new Trainer(config, null).train(new NLayerNetwork(new int[] {2, 5, 2}, Activation.TANH, 0.01, 100, 0), moons);
            assertEquals(Double.doubleToRawLongBits(a.finalLoss()), Double.doubleToRawLongBits(b.finalLoss()), spec.describe());
            assertTrue(a.finalLoss() < a.curve().get(0).loss() / 2, spec.describe() + ": " + a.curve());
        }
    }
}
