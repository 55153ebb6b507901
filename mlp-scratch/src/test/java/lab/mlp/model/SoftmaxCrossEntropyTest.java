package lab.mlp.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Softmax and cross-entropy on values worked out by hand. */
class SoftmaxCrossEntropyTest {
    private static final int STRIDE = Kernels.stride(2);

    /** Two samples, three classes: logits (1, 2, 3) and (0, 0, 0), stored [class][sample]. */
    private static double[] logits() {
        double[] z = new double[3 * STRIDE];
        z[0] = 1;
        z[STRIDE] = 2;
        z[2 * STRIDE] = 3;
        return z;
    }

    @Test
    void probabilitiesAreNormalisedExponentials() {
        double[] probs = new double[3 * STRIDE];
        SoftmaxCrossEntropy.probabilities(logits(), probs, 3, STRIDE);
        // e^{z - 3} / (e^-2 + e^-1 + 1)
        double total = Math.exp(-2) + Math.exp(-1) + 1;
        assertEquals(Math.exp(-2) / total, probs[0], 1e-15);
        assertEquals(Math.exp(-1) / total, probs[STRIDE], 1e-15);
        assertEquals(1 / total, probs[2 * STRIDE], 1e-15);
        assertEquals(0.09003057317038046, probs[0], 1e-15);
        assertEquals(0.6652409557748219, probs[2 * STRIDE], 1e-15);
        for (int k = 0; k < 3; k++) {
            assertEquals(1.0 / 3, probs[k * STRIDE + 1], 1e-15); // equal logits: uniform
        }
    }

    @Test
    void crossEntropyIsMinusLogOfTheTrueClassProbability() {
        // -ln(0.6652409557748219) + -ln(1/3)
        double expected = 0.40760596444438 + Math.log(3);
        assertEquals(expected, SoftmaxCrossEntropy.totalCrossEntropy(logits(), new int[] {2, 0}, 2, 3, STRIDE), 1e-13);
        assertEquals(2.40760596444438, SoftmaxCrossEntropy.totalCrossEntropy(logits(), new int[] {0}, 1, 3, STRIDE), 1e-13);
    }

    @Test
    void hugeLogitsStayFinite() {
        int stride = Kernels.stride(1);
        double[] z = new double[2 * stride];
        z[0] = 1000;
        z[stride] = 0;
        assertEquals(1000.0, SoftmaxCrossEntropy.totalCrossEntropy(z, new int[] {1}, 1, 2, stride), 0.0);
        assertEquals(0.0, SoftmaxCrossEntropy.totalCrossEntropy(z, new int[] {0}, 1, 2, stride), 0.0);
        double[] probs = new double[2 * stride];
        SoftmaxCrossEntropy.probabilities(z, probs, 2, stride);
        assertEquals(1.0, probs[0], 0.0);
        assertTrue(probs[stride] < 1e-300); // exp is clamped at e^-708 rather than underflowing to 0
    }

    @Test
    void outputDeltaIsProbabilityMinusOneHotAndZeroOnPadding() {
        double[] probs = new double[3 * STRIDE];
        SoftmaxCrossEntropy.probabilities(logits(), probs, 3, STRIDE);
        double[] delta = new double[3 * STRIDE];
        java.util.Arrays.fill(delta, 99); // must be overwritten everywhere, padding included
        SoftmaxCrossEntropy.outputDelta(probs, new int[] {2, 0}, 2, 0.5, delta, 3, STRIDE);
        assertEquals(0.5 * probs[0], delta[0], 0.0);
        assertEquals(0.5 * (probs[2 * STRIDE] - 1), delta[2 * STRIDE], 0.0);
        assertEquals(0.5 * (1.0 / 3 - 1), delta[1], 1e-15);
        double[] padding = new double[STRIDE - 2];
        for (int k = 0; k < 3; k++) {
            assertArrayEquals(padding, java.util.Arrays.copyOfRange(delta, k * STRIDE + 2, (k + 1) * STRIDE), 0.0);
        }
    }

    @Test
    void correctCountsArgmaxHits() {
        assertEquals(1, SoftmaxCrossEntropy.correct(logits(), new int[] {2, 1}, 2, 3, STRIDE));
        assertEquals(2, SoftmaxCrossEntropy.correct(logits(), new int[] {2, 0}, 2, 3, STRIDE)); // tie -> first class
    }
}
