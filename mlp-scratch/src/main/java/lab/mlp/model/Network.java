package lab.mlp.model;

import java.util.List;

/**
 * A fully connected classifier trained on one {@link Batch} at a time: {@link #forward()}, then
 * {@link #backward}, then an optimizer moves {@link #parameters()} by {@link #gradients()} (the
 * network does not know how: see lab.mlp.optimizer). It owns its parameters and every buffer it
 * needs, allocated once; neither step allocates.
 */
public interface Network {
    /** Sizes of all layers, input first, output (number of classes) last. */
    int[] layerSizes();

    Activation activation();

    /** The input buffer {@link #forward()} reads; load it before each step. */
    Batch batch();

    /** Logits of the output layer for the loaded batch. */
    void forward();

    /**
     * Gradients of {@code dataScale * sum of cross-entropies + regLambda / 2 * sum of squared
     * weights} (biases are not regularised), from the last {@link #forward()}.
     */
    void backward(double dataScale, double regLambda);

    /** [class][sample] logits after {@link #forward()}; rows have length {@link Batch#stride}. */
    double[] logits();

    /** Weights and biases, layer by layer (W1, b1, W2, b2, ...); the arrays are live. */
    List<double[]> parameters();

    /** Gradients in the same order and shape as {@link #parameters()}. */
    List<double[]> gradients();

    default double sumOfSquaredWeights() {
        List<double[]> params = parameters();
        double total = 0;
        for (int p = 0; p < params.size(); p += 2) {
            total += Kernels.sumOfSquares(params.get(p));
        }
        return total;
    }

    /** Sum of cross-entropies of the loaded batch (needs {@link #forward()} first). */
    default double totalCrossEntropy() {
        Batch b = batch();
        return SoftmaxCrossEntropy.totalCrossEntropy(logits(), b.labels, b.count, outputSize(), b.stride);
    }

    /** Correctly classified samples of the loaded batch (needs {@link #forward()} first). */
    default int correct() {
        Batch b = batch();
        return SoftmaxCrossEntropy.correct(logits(), b.labels, b.count, outputSize(), b.stride);
    }

    /** Predicted class of sample s of the loaded batch. */
    default int predicted(int s) {
        return SoftmaxCrossEntropy.argmax(logits(), s, outputSize(), batch().stride);
    }

    default int inputSize() {
        return layerSizes()[0];
    }

    default int outputSize() {
        int[] sizes = layerSizes();
        return sizes[sizes.length - 1];
    }

    /** True while every parameter is a finite number. */
    default boolean parametersFinite() {
        for (double[] p : parameters()) {
            if (!Kernels.allFinite(p)) {
                return false;
            }
        }
        return true;
    }
}
