package lab.mlp.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Random;
import lab.mlp.data.Dataset;
import lab.mlp.data.ToyData;
import lab.mlp.train.GradientScale;
import lab.mlp.train.Trainer;
import lab.mlp.train.TrainingConfig;
import lab.mlp.train.TrainingResult;
import org.junit.jupiter.api.Test;

/**
 * The kernels compute the same numbers, bit for bit, whatever the vector width: the machine's
 * ({@link Kernels}, 8 lanes with AVX-512, 4 with AVX2) and the 4-lane ones
 * ({@link FourLaneKernels}, 256-bit vectors, which an AVX-512 machine runs too) are both compared
 * with a scalar implementation of the same operations in the 8-lane order.
 */
class KernelWidthTest {
    private static final Activation[] ACTIVATIONS = Activation.values();

    @Test
    void affineActivateMatchesTheScalarReference() {
        forShapes((in, out, n, random) -> {
            int stride = Kernels.stride(n);
            double[] w = gaussians(random, in * out, 0.7);
            double[] b = gaussians(random, out, 0.5);
            double[] x = gaussians(random, in * stride, 2.0);
            for (Activation f : ACTIVATIONS) {
                double[] expected = new double[out * stride];
                Reference.affineActivate(w, b, in, out, x, f, 0.1, expected, stride);
                double[] machine = new double[out * stride];
                Kernels.affineActivate(w, b, in, out, x, f, 0.1, machine, stride);
                assertBits(expected, machine, "Kernels " + f + " " + in + "x" + out + " n=" + n);
                double[] four = new double[out * stride];
                FourLaneKernels.affineActivate(w, b, in, out, x, f, 0.1, four, stride);
                assertBits(expected, four, "FourLaneKernels " + f + " " + in + "x" + out + " n=" + n);
            }
        });
    }

    @Test
    void backpropagateMatchesTheScalarReference() {
        forShapes((in, out, n, random) -> {
            int stride = Kernels.stride(n);
            double[] w = gaussians(random, in * out, 0.7);
            double[] delta = gaussians(random, out * stride, 1.0);
            for (Activation f : ACTIVATIONS) {
                double[] prevA = new double[in * stride];
                double[] z = gaussians(random, in * stride, 2.0);
                for (int k = 0; k < z.length; k++) {
                    prevA[k] = Reference.activate(f, 0.1, z[k]);
                }
                double[] expected = new double[in * stride];
                Reference.backpropagate(w, in, out, delta, prevA, f, 0.1, expected, stride);
                double[] machine = new double[in * stride];
                Kernels.backpropagate(w, in, out, delta, prevA, f, 0.1, machine, stride);
                assertBits(expected, machine, "Kernels " + f + " " + in + "x" + out + " n=" + n);
                double[] four = new double[in * stride];
                FourLaneKernels.backpropagate(w, in, out, delta, prevA, f, 0.1, four, stride);
                assertBits(expected, four, "FourLaneKernels " + f + " " + in + "x" + out + " n=" + n);
            }
        });
    }

    @Test
    void weightGradientsSumInTheEightLaneOrder() {
        forShapes((in, out, n, random) -> {
            int stride = Kernels.stride(n);
            double[] x = gaussians(random, in * stride, 1.5);
            double[] delta = gaussians(random, out * stride, 1.0);
            double[] w = gaussians(random, in * out, 0.7);
            double[] gw = new double[in * out];
            double[] gb = new double[out];
            Reference.weightGradients(x, in, delta, out, stride, w, 0.01, gw, gb);
            double[] mgw = new double[in * out];
            double[] mgb = new double[out];
            Kernels.weightGradients(x, in, delta, out, stride, w, 0.01, mgw, mgb);
            assertBits(gw, mgw, "Kernels gw " + in + "x" + out + " n=" + n);
            assertBits(gb, mgb, "Kernels gb " + in + "x" + out + " n=" + n);
            double[] fgw = new double[in * out];
            double[] fgb = new double[out];
            FourLaneKernels.weightGradients(x, in, delta, out, stride, w, 0.01, fgw, fgb);
            assertBits(gw, fgw, "FourLaneKernels gw " + in + "x" + out + " n=" + n);
            assertBits(gb, fgb, "FourLaneKernels gb " + in + "x" + out + " n=" + n);
        });
    }

    @Test
    void softmaxAndExpMatchTheScalarReferenceAlsoOutOfRange() {
        Random random = new Random(3);
        for (int classes = 2; classes <= 5; classes++) {
            int stride = Kernels.stride(37);
            double[] logits = gaussians(random, classes * stride, 30.0);
            logits[5] = 900; // far apart: exp(logit - max) below -708 is clamped
            logits[stride + 6] = -800;
            double[] expected = new double[classes * stride];
            Reference.probabilities(logits, expected, classes, stride);
            double[] machine = new double[classes * stride];
            SoftmaxCrossEntropy.probabilities(logits, machine, classes, stride);
            assertBits(expected, machine, "softmax, " + classes + " classes");
            double[] four = new double[classes * stride];
            FourLaneKernels.probabilities(logits, four, classes, stride);
            assertBits(expected, four, "FourLaneKernels softmax, " + classes + " classes");
        }
        double[] in = {-1e6, -709, -708.5, -708, -1, -0.0, 0.0, 1e-300, 0.5, 700, 708, 708.5, 709, 709.5, 1e6,
            Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, 3.3, -2.2, 17, 0.1, -0.3, 1, 2};
        double[] four = new double[in.length];
        for (int k = 0; k < in.length; k += FourLaneKernels.L) {
            FourLaneKernels.exp(jdk.incubator.vector.DoubleVector.fromArray(FourLaneKernels.S, in, k)).intoArray(four, k);
        }
        for (int k = 0; k < in.length; k++) {
            assertEquals(Double.doubleToRawLongBits(Reference.exp(in[k])), Double.doubleToRawLongBits(four[k]),
                    "exp(" + in[k] + ")");
        }
    }

    /**
     * A whole training run gives the numbers committed in results/mlp (computed with 8-lane
     * vectors on an AVX-512 machine), whatever this machine's vector width.
     */
    @Test
    void trainingGivesTheCommittedNumbersOnAnyWidth() {
        Dataset moons = ToyData.moons(200, 0.2, 0);
        TrainingConfig config = TrainingConfig.assignmentDefaults();
        // mlp-tanh-h3 (three-layer) and mlp-deep-w3-l5, whose loss curve is the most sensitive
        // to rounding (one different last bit and it ends at another minimum).
        TrainingResult h3 = new Trainer(config, null).train(new ThreeLayerNetwork(2, 3, 2, Activation.TANH, 0.01, 200, 0), moons);
        assertEquals(0.05345015338062803, h3.finalLoss(), 0.0);
        TrainingResult deep = new Trainer(config, null).train(
                new NLayerNetwork(new int[] {2, 3, 3, 3, 2}, Activation.TANH, 0.01, 200, 0), moons);
        assertEquals(0.07678610063889371, deep.finalLoss(), 0.0);
        TrainingResult sigmoid = new Trainer(config, null).train(
                new ThreeLayerNetwork(2, 3, 2, Activation.SIGMOID, 0.01, 200, 0), moons);
        assertEquals(0.06558663576100911, sigmoid.finalLoss(), 0.0);
        TrainingConfig mean = new TrainingConfig(0.1, 0.01, 300, GradientScale.MEAN, 20, 0, 10);
        TrainingResult mini = new Trainer(mean, null).train(
                new NLayerNetwork(new int[] {2, 5, 2}, Activation.TANH, 0.01, 20, 0), moons);
        assertEquals(mini.finalLoss(), new Trainer(mean, null).train(
                new NLayerNetwork(new int[] {2, 5, 2}, Activation.TANH, 0.01, 20, 0), moons).finalLoss(), 0.0);
    }

    private interface ShapeTest {
        void run(int in, int out, int n, Random random);
    }

    private static void forShapes(ShapeTest test) {
        Random random = new Random(42);
        int[] sizes = {1, 2, 3, 4, 5, 6, 7, 9, 10, 20};
        int[] samples = {1, 7, 8, 13, 200};
        for (int in : sizes) {
            for (int out : sizes) {
                test.run(in, out, samples[random.nextInt(samples.length)], random);
            }
        }
    }

    private static double[] gaussians(Random random, int n, double scale) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = scale * random.nextGaussian();
        }
        return v;
    }

    private static void assertBits(double[] expected, double[] actual, String what) {
        assertArrayEquals(Arrays.stream(expected).mapToLong(Double::doubleToRawLongBits).toArray(),
                Arrays.stream(actual).mapToLong(Double::doubleToRawLongBits).toArray(), what);
    }

    /** The kernels' operations one element at a time, sums over samples in the 8-lane order. */
    static final class Reference {
        private static final int B = 8;

        static double exp(double x) {
            double c = Math.min(Math.max(x, -708.0), 709.0);
            double shifted = Math.fma(c, 1.4426950408889634, 6755399441055744.0);
            double k = shifted - 6755399441055744.0;
            double r = Math.fma(k, -6.93147180369123816490e-01, c) + k * -1.90821492927058770002e-10;
            double r2 = r * r;
            double r4 = r2 * r2;
            double r8 = r4 * r4;
            double q0 = Math.fma(r, 1.0 / 1, 1.0 / 1);
            double q1 = Math.fma(r, 1.0 / 6, 1.0 / 2);
            double q2 = Math.fma(r, 1.0 / 120, 1.0 / 24);
            double q3 = Math.fma(r, 1.0 / 5040, 1.0 / 720);
            double q4 = Math.fma(r, 1.0 / 362880, 1.0 / 40320);
            double q5 = Math.fma(r, 1.0 / 39916800, 1.0 / 3628800);
            double s0 = Math.fma(r2, q1, q0);
            double s1 = Math.fma(r2, q3, q2);
            double s2 = Math.fma(r2, q5, q4);
            double t0 = Math.fma(r4, s1, s0);
            double t1 = Math.fma(r4, 1.0 / 479001600, s2);
            double p = Math.fma(r8, t1, t0);
            long bits = Double.doubleToRawLongBits(shifted) - Double.doubleToRawLongBits(6755399441055744.0) + 1023;
            return p * Double.longBitsToDouble(bits << 52);
        }

        static double activate(Activation f, double alpha, double z) {
            return switch (f) {
                case TANH -> 1.0 - 2.0 / (exp(z + z) + 1.0);
                case SIGMOID -> 1.0 / (exp(-z) + 1.0);
                case RELU -> Math.max(z, 0.0);
                case LEAKY_RELU -> z < 0.0 ? z * alpha : z;
                case IDENTITY -> z;
            };
        }

        static double derivativeTimes(Activation f, double alpha, double a, double d) {
            return switch (f) {
                case TANH -> d * Math.fma(-a, a, 1.0);
                case SIGMOID -> d * (a * (-a + 1.0));
                case RELU -> a <= 0.0 ? d * 0.0 : d;
                case LEAKY_RELU -> a <= 0.0 ? d * alpha : d;
                case IDENTITY -> d;
            };
        }

        static void affineActivate(double[] w, double[] b, int in, int out, double[] x, Activation f, double alpha,
                                   double[] a, int stride) {
            for (int j = 0; j < out; j++) {
                for (int s = 0; s < stride; s++) {
                    double acc = b[j];
                    for (int i = 0; i < in; i++) {
                        acc = Math.fma(x[i * stride + s], w[i * out + j], acc);
                    }
                    a[j * stride + s] = activate(f, alpha, acc);
                }
            }
        }

        static void backpropagate(double[] w, int in, int out, double[] delta, double[] prevA, Activation f,
                                  double alpha, double[] prevDelta, int stride) {
            for (int i = 0; i < in; i++) {
                for (int s = 0; s < stride; s++) {
                    double acc = 0.0;
                    for (int j = 0; j < out; j++) {
                        acc = Math.fma(delta[j * stride + s], w[i * out + j], acc);
                    }
                    prevDelta[i * stride + s] = derivativeTimes(f, alpha, prevA[i * stride + s], acc);
                }
            }
        }

        static void weightGradients(double[] x, int in, double[] delta, int out, int stride, double[] w,
                                    double lambda, double[] gw, double[] gb) {
            for (int j = 0; j < out; j++) {
                double[] partial = new double[B];
                for (int s = 0; s < stride; s++) {
                    partial[s % B] = partial[s % B] + delta[j * stride + s];
                }
                gb[j] = inOrder(partial);
            }
            for (int i = 0; i < in; i++) {
                for (int j = 0; j < out; j++) {
                    double[] partial = new double[B];
                    for (int s = 0; s < stride; s++) {
                        partial[s % B] = Math.fma(x[i * stride + s], delta[j * stride + s], partial[s % B]);
                    }
                    gw[i * out + j] = inOrder(partial) + lambda * w[i * out + j];
                }
            }
        }

        static void probabilities(double[] logits, double[] probs, int classes, int stride) {
            for (int s = 0; s < stride; s++) {
                double max = logits[s];
                for (int k = 1; k < classes; k++) {
                    max = Math.max(max, logits[k * stride + s]);
                }
                double sum = 0.0;
                for (int k = 0; k < classes; k++) {
                    double e = exp(logits[k * stride + s] - max);
                    probs[k * stride + s] = e;
                    sum = sum + e;
                }
                for (int k = 0; k < classes; k++) {
                    probs[k * stride + s] = probs[k * stride + s] / sum;
                }
            }
        }

        private static double inOrder(double[] partial) {
            double total = 0;
            for (double v : partial) {
                total += v;
            }
            return total;
        }

        private Reference() {
        }
    }
}
