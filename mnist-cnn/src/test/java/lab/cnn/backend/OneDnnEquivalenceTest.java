package lab.cnn.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import lab.cnn.model.CnnActivation;
import lab.cnn.model.DeepMnistNetwork;
import lab.cnn.model.NetworkSpec;
import lab.cnn.model.UpdaterKind;
import lab.cnn.model.WeightInitKind;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.layers.convolution.ConvolutionLayer;
import org.deeplearning4j.nn.layers.convolution.subsampling.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The oneDNN path (DL4J's layer helpers and libnd4j's oneDNN kernels) computes what the plain
 * path (im2col + gemm, no helpers) computes: same outputs and gradients on a fixed batch, within
 * float rounding.
 */
class OneDnnEquivalenceTest {
    @AfterEach
    void restore() {
        Backend.setOneDnn(true);
    }

    @ParameterizedTest
    @EnumSource(value = CnnActivation.class, names = {"RELU", "TANH", "MAXOUT"})
    void sameOutputsAndGradients(CnnActivation activation) {
        NetworkSpec spec = new NetworkSpec(activation, 0.01, 2, WeightInitKind.XAVIER, UpdaterKind.ADAM, 1e-4, 0.9,
                1.0, 1024, 5);
        INDArray input = batch(50, 784, 1);
        INDArray labels = oneHot(50, 2);

        MultiLayerNetwork fast = DeepMnistNetwork.create(spec);
        assertTrue(usesHelpers(fast), "the oneDNN helpers are loaded");
        Result onednn = run(fast, input, labels);

        Backend.setOneDnn(false);
        MultiLayerNetwork plain = DeepMnistNetwork.create(spec);
        assertTrue(!usesHelpers(plain), "no helpers on the plain path");
        Result reference = run(plain, input, labels);

        assertEquals(reference.score, onednn.score, 1e-5 * Math.abs(reference.score));
        assertClose(reference.output, onednn.output, 1e-5);
        assertClose(reference.gradient, onednn.gradient, 1e-4);
    }

    private record Result(double score, float[] output, float[] gradient) {
    }

    private static Result run(MultiLayerNetwork net, INDArray input, INDArray labels) {
        float[] output = net.output(input).ravel().toFloatVector();
        net.setInput(input);
        net.setLabels(labels);
        net.computeGradientAndScore();
        return new Result(net.score(), output, net.gradient().gradient().ravel().toFloatVector());
    }

    /** Every element within tol of the other, relative to the largest magnitude in the array. */
    private static void assertClose(float[] expected, float[] actual, double tol) {
        assertEquals(expected.length, actual.length);
        double scale = 0;
        for (float v : expected) {
            scale = Math.max(scale, Math.abs(v));
        }
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            worst = Math.max(worst, Math.abs(expected[i] - actual[i]) / scale);
        }
        assertTrue(worst < tol, "largest difference " + worst + " of the largest magnitude " + scale);
        assertArrayEquals(expected, actual, (float) (tol * scale));
    }

    private static boolean usesHelpers(MultiLayerNetwork net) {
        for (Layer layer : net.getLayers()) {
            if (layer instanceof ConvolutionLayer conv && conv.getHelper() != null) {
                return true;
            }
            if (layer instanceof SubsamplingLayer pool && pool.getHelper() != null) {
                return true;
            }
        }
        return false;
    }

    private static INDArray batch(int rows, int cols, long seed) {
        Random random = new Random(seed);
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return Nd4j.create(values, new long[] {rows, cols}, 'c');
    }

    private static INDArray oneHot(int rows, long seed) {
        Random random = new Random(seed);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, rows, 10);
        for (int r = 0; r < rows; r++) {
            labels.putScalar(r, random.nextInt(10), 1f);
        }
        return labels;
    }
}
