package lab.mlp.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import lab.mlp.data.Dataset;
import lab.mlp.data.ToyData;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Backpropagation against central finite differences of the objective it differentiates,
 * {@code scale * sum of cross-entropies + lambda/2 * sum of squared weights}, for every
 * parameter of every layer. An entry passes with relative error below 1e-6; a gradient so small
 * that the difference quotient's rounding noise (about eps * objective / h = 3e-10 here) is a
 * large part of it passes with absolute error below 1e-9, as in DL4J's own gradient checks,
 * and at most a tenth of the entries may need that floor.
 */
class GradientCheckTest {
    private static final double H = 1e-5;
    private static final double TOLERANCE = 1e-6;
    private static final double ABSOLUTE_FLOOR = 1e-9;

    static Stream<Arguments> networks() {
        List<Arguments> cases = new ArrayList<>();
        for (Activation f : Activation.values()) {
            for (int hidden = 1; hidden <= 4; hidden++) {
                cases.add(Arguments.of(f, hidden, 0.01, 1.0));
            }
            cases.add(Arguments.of(f, 2, 0.5, 1.0 / 13)); // strong L2, mean gradient
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}, {1} hidden layers, lambda {2}, scale {3}")
    @MethodSource("networks")
    void nLayerGradientsMatchFiniteDifferences(Activation f, int hiddenLayers, double lambda, double scale) {
        int[] sizes = new int[hiddenLayers + 2];
        sizes[0] = 2;
        for (int l = 1; l <= hiddenLayers; l++) {
            sizes[l] = 3 + l; // 4, 5, 6, 7: different widths catch transposed indices
        }
        sizes[sizes.length - 1] = 3; // three classes: softmax beyond the binary case
        // 13 samples: not a multiple of the vector width, so padding is exercised too.
        Dataset data = threeClassData(13);
        NLayerNetwork net = new NLayerNetwork(sizes, f, 0.05, data.size(), 42);
        randomiseBiases(net, 7);
        assertGradientsMatch(net, data, lambda, scale);
    }

    @ParameterizedTest(name = "three-layer {0}")
    @MethodSource("activations")
    void threeLayerGradientsMatchFiniteDifferences(Activation f) {
        Dataset data = ToyData.moons(11, 0.2, 3);
        ThreeLayerNetwork net = new ThreeLayerNetwork(2, 5, 2, f, 0.05, data.size(), 5);
        randomiseBiases(net, 9);
        assertGradientsMatch(net, data, 0.01, 1.0);
    }

    static Stream<Activation> activations() {
        return Stream.of(Activation.values());
    }

    static void assertGradientsMatch(Network net, Dataset data, double lambda, double scale) {
        net.batch().load(data, null, 0, data.size());
        net.forward();
        net.backward(scale, lambda);
        List<double[]> params = net.parameters();
        List<double[]> grads = net.gradients();
        int entries = 0;
        int onFloor = 0;
        for (int p = 0; p < params.size(); p++) {
            double[] w = params.get(p);
            double[] analytic = grads.get(p).clone();
            for (int i = 0; i < w.length; i++) {
                double original = w[i];
                w[i] = original + H;
                double plus = objective(net, lambda, scale);
                w[i] = original - H;
                double minus = objective(net, lambda, scale);
                w[i] = original;
                double numeric = (plus - minus) / (2 * H);
                double absolute = Math.abs(numeric - analytic[i]);
                double relative = absolute / Math.max(Math.abs(numeric), Math.abs(analytic[i]));
                entries++;
                if (!(relative < TOLERANCE)) {
                    onFloor++;
                    assertTrue(absolute < ABSOLUTE_FLOOR, String.format(
                            "param %d[%d]: analytic %.12g numeric %.12g rel.err %.3g abs.err %.3g",
                            p, i, analytic[i], numeric, relative, absolute));
                }
            }
        }
        assertTrue(onFloor * 10 <= entries, onFloor + " of " + entries + " entries passed only on the absolute floor");
    }

    private static double objective(Network net, double lambda, double scale) {
        net.forward();
        return scale * net.totalCrossEntropy() + lambda / 2 * net.sumOfSquaredWeights();
    }

    /** Biases start at 0; random ones make the check cover their gradients properly. */
    private static void randomiseBiases(Network net, long seed) {
        java.util.Random random = new java.util.Random(seed);
        List<double[]> params = net.parameters();
        for (int p = 1; p < params.size(); p += 2) {
            for (int i = 0; i < params.get(p).length; i++) {
                params.get(p)[i] = 0.3 * random.nextGaussian();
            }
        }
    }

    static Dataset threeClassData(int n) {
        java.util.Random random = new java.util.Random(11);
        double[] x = new double[2 * n];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            y[i] = i % 3;
            x[2 * i] = y[i] - 1 + 0.5 * random.nextGaussian();
            x[2 * i + 1] = 0.5 * random.nextGaussian();
        }
        return Dataset.of("three classes", 2, x, y);
    }
}
