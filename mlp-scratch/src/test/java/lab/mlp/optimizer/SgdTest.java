package lab.mlp.optimizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import lab.mlp.data.Dataset;
import lab.mlp.data.ToyData;
import lab.mlp.model.Activation;
import lab.mlp.model.NLayerNetwork;
import lab.mlp.model.Network;
import lab.mlp.model.ThreeLayerNetwork;
import lab.mlp.train.GradientScale;
import lab.mlp.train.Trainer;
import lab.mlp.train.TrainingConfig;
import org.junit.jupiter.api.Test;

/** Plain SGD through the optimizer seam computes exactly what the update inside the networks did. */
class SgdTest {

    @Test
    void vectorStepIsTheScalarFmaForEveryLengthAndTail() {
        Random random = new Random(1);
        for (int n = 1; n <= 37; n++) {
            double[] w = random.doubles(n, -2, 2).toArray();
            double[] g = random.doubles(n, -5, 5).toArray();
            double[] expected = w.clone();
            for (int i = 0; i < n; i++) {
                expected[i] = Math.fma(g[i], -0.037, expected[i]); // the old Kernels.step, element by element
            }
            Sgd.step(w, g, 0.037);
            assertBits(expected, w, "n=" + n);
        }
    }

    /**
     * The old path: forward, backward, then every parameter -= epsilon * gradient as one fma (what
     * Network.update did before the seam), against the trainer driving the Sgd optimizer.
     */
    @Test
    void trainerWithSgdIsBitIdenticalToTheOldUpdate() {
        Dataset data = ToyData.moons(40, 0.2, 3);
        for (boolean three : new boolean[] {true, false}) {
            Network seam = network(three, data.size());
            Network old = network(three, data.size());
            int passes = 300;
            new Trainer(new TrainingConfig(0.01, 0.01, passes, GradientScale.SUM, 0, 0, 100), null).train(seam, data);
            old.batch().load(data, null, 0, data.size());
            for (int pass = 0; pass < passes; pass++) {
                old.forward();
                old.backward(1.0, 0.01);
                List<double[]> ps = old.parameters();
                List<double[]> gs = old.gradients();
                for (int k = 0; k < ps.size(); k++) {
                    for (int i = 0; i < ps.get(k).length; i++) {
                        ps.get(k)[i] = Math.fma(gs.get(k)[i], -0.01, ps.get(k)[i]);
                    }
                }
            }
            for (int k = 0; k < seam.parameters().size(); k++) {
                assertBits(old.parameters().get(k), seam.parameters().get(k), (three ? "three" : "n") + "-layer param " + k);
            }
        }
    }

    @Test
    void stepIgnoresTheStepNumberAndHasNoState() {
        double[] w = {1.0};
        Optimizer sgd = new Sgd(0.5).create(List.of(w));
        sgd.step(List.of(w), List.of(new double[] {2.0}), 1);
        sgd.step(List.of(w), List.of(new double[] {2.0}), 7);
        assertEquals(-1.0, w[0], 0.0); // 1 - 0.5*2 - 0.5*2
    }

    private static Network network(boolean three, int capacity) {
        return three ? new ThreeLayerNetwork(2, 4, 2, Activation.TANH, 0.01, capacity, 5)
                : new NLayerNetwork(new int[] {2, 5, 3, 2}, Activation.TANH, 0.01, capacity, 5);
    }

    static void assertBits(double[] expected, double[] actual, String what) {
        assertArrayEquals(Arrays.stream(expected).mapToLong(Double::doubleToRawLongBits).toArray(),
                Arrays.stream(actual).mapToLong(Double::doubleToRawLongBits).toArray(), what);
    }
}
