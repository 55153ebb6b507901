package lab.mlp.model;

import jdk.incubator.vector.DoubleVector;

/**
 * Softmax output with cross-entropy loss on logits stored [class][sample]. The maximum logit is
 * subtracted before exponentiating, and the loss is computed as log-sum-exp minus the true
 * logit, so neither overflows nor takes log(0).
 */
public final class SoftmaxCrossEntropy {
    private SoftmaxCrossEntropy() {
    }

    /** probs = softmax(logits) column by column, over the whole padded row. */
    static void probabilities(double[] logits, double[] probs, int classes, int stride) {
        if (Kernels.FOUR_LANES) {
            FourLaneKernels.probabilities(logits, probs, classes, stride);
            return;
        }
        // probs = logits - max (per sample), then e^probs over all classes at once, then each
        // divided by their sum: the operations of one loop with exp inside, in an order that
        // keeps every vector in its method (see Kernels.expInPlace).
        int lanes = Kernels.LANES;
        for (int s = 0; s < stride; s += lanes) {
            DoubleVector max = DoubleVector.fromArray(Kernels.SPECIES, logits, s);
            for (int k = 1; k < classes; k++) {
                max = max.max(DoubleVector.fromArray(Kernels.SPECIES, logits, k * stride + s));
            }
            for (int k = 0; k < classes; k++) {
                DoubleVector.fromArray(Kernels.SPECIES, logits, k * stride + s).sub(max).intoArray(probs, k * stride + s);
            }
        }
        Kernels.expInPlace(probs, 0, classes * stride, Kernels.EXP);
        for (int s = 0; s < stride; s += lanes) {
            DoubleVector sum = DoubleVector.zero(Kernels.SPECIES);
            for (int k = 0; k < classes; k++) {
                sum = sum.add(DoubleVector.fromArray(Kernels.SPECIES, probs, k * stride + s));
            }
            for (int k = 0; k < classes; k++) {
                DoubleVector.fromArray(Kernels.SPECIES, probs, k * stride + s).div(sum).intoArray(probs, k * stride + s);
            }
        }
    }

    /**
     * delta = scale * (probs - onehot(labels)) for the first {@code count} samples, 0 for padding:
     * the gradient of {@code scale * sum of cross-entropies} with respect to the logits.
     */
    static void outputDelta(double[] probs, int[] labels, int count, double scale, double[] delta, int classes, int stride) {
        // scale * (p - 0) for every sample (p - 0 is p: probabilities are not -0), then the true
        // class's entry again as scale * (p - 1): no branch on the label per sample.
        int lanes = Kernels.LANES;
        int vectorEnd = count - count % lanes;
        for (int k = 0; k < classes; k++) {
            int row = k * stride;
            for (int s = 0; s < vectorEnd; s += lanes) {
                DoubleVector.fromArray(Kernels.SPECIES, probs, row + s).mul(scale).intoArray(delta, row + s);
            }
            for (int s = vectorEnd; s < count; s++) {
                delta[row + s] = scale * (probs[row + s] - 0.0);
            }
            java.util.Arrays.fill(delta, row + count, row + stride, 0.0);
        }
        for (int s = 0; s < count; s++) {
            int i = labels[s] * stride + s;
            delta[i] = scale * (probs[i] - 1.0);
        }
    }

    /** Sum over the first {@code count} samples of -log softmax(logits)[label]. */
    public static double totalCrossEntropy(double[] logits, int[] labels, int count, int classes, int stride) {
        double total = 0;
        for (int s = 0; s < count; s++) {
            double max = logits[s];
            for (int k = 1; k < classes; k++) {
                max = Math.max(max, logits[k * stride + s]);
            }
            double sum = 0;
            for (int k = 0; k < classes; k++) {
                sum += Math.exp(logits[k * stride + s] - max);
            }
            total += Math.log(sum) + max - logits[labels[s] * stride + s];
        }
        return total;
    }

    /** How many of the first {@code count} samples have their label as the largest logit. */
    public static int correct(double[] logits, int[] labels, int count, int classes, int stride) {
        int correct = 0;
        for (int s = 0; s < count; s++) {
            if (argmax(logits, s, classes, stride) == labels[s]) {
                correct++;
            }
        }
        return correct;
    }

    /** Index of the largest logit of sample s (first one on ties, as numpy's argmax). */
    public static int argmax(double[] logits, int s, int classes, int stride) {
        int best = 0;
        for (int k = 1; k < classes; k++) {
            if (logits[k * stride + s] > logits[best * stride + s]) {
                best = k;
            }
        }
        return best;
    }
}
