package lab.mlp.model;

import java.util.List;
import java.util.Random;

/**
 * The assignment's network, input -> hidden -> output, written step by step as in the original
 * numpy code (z1 = X W1 + b1, a1 = f(z1), z2 = a1 W2 + b2, probs = softmax(z2); delta3 =
 * probs - y, dW2 = a1' delta3, delta2 = delta3 W2' * f'(z1), dW1 = X' delta2, plus L2 on W).
 */
public final class ThreeLayerNetwork implements Network {
    private final int inputDim;
    private final int hiddenDim;
    private final int outputDim;
    private final Activation activation;
    private final double alpha;
    private final Batch batch;
    private final int stride;

    private final double[] w1;
    private final double[] b1;
    private final double[] w2;
    private final double[] b2;
    private final double[] dw1;
    private final double[] db1;
    private final double[] dw2;
    private final double[] db2;
    /** Hidden activations a1 = f(z1), [hidden][stride]. */
    private final double[] a1;
    /** Output logits z2, [output][stride]. */
    private final double[] z2;
    private final double[] probs;
    private final double[] delta2;
    private final double[] delta3;

    public ThreeLayerNetwork(int inputDim, int hiddenDim, int outputDim, Activation activation, double leakyAlpha,
                             int capacity, long seed) {
        if (inputDim <= 0 || hiddenDim <= 0 || outputDim <= 0) {
            throw new IllegalArgumentException("layer sizes must be > 0");
        }
        this.inputDim = inputDim;
        this.hiddenDim = hiddenDim;
        this.outputDim = outputDim;
        this.activation = activation;
        this.alpha = leakyAlpha;
        this.batch = new Batch(inputDim, capacity);
        this.stride = batch.stride;
        this.w1 = new double[inputDim * hiddenDim];
        this.b1 = new double[hiddenDim];
        this.w2 = new double[hiddenDim * outputDim];
        this.b2 = new double[outputDim];
        this.dw1 = new double[w1.length];
        this.db1 = new double[b1.length];
        this.dw2 = new double[w2.length];
        this.db2 = new double[b2.length];
        this.a1 = new double[hiddenDim * stride];
        this.z2 = new double[outputDim * stride];
        this.probs = new double[outputDim * stride];
        this.delta2 = new double[hiddenDim * stride];
        this.delta3 = new double[outputDim * stride];
        Random random = new Random(seed);
        WeightInit.randnOverSqrtFanIn(w1, inputDim, random);
        WeightInit.randnOverSqrtFanIn(w2, hiddenDim, random);
    }

    @Override
    public void forward() {
        Kernels.affineActivate(w1, b1, inputDim, hiddenDim, batch.x, activation, alpha, a1, stride); // a1 = f(X W1 + b1)
        Kernels.affineActivate(w2, b2, hiddenDim, outputDim, a1, Activation.IDENTITY, 0, z2, stride); // z2 = a1 W2 + b2
    }

    @Override
    public void backward(double dataScale, double regLambda) {
        SoftmaxCrossEntropy.probabilities(z2, probs, outputDim, stride);           // probs = softmax(z2)
        SoftmaxCrossEntropy.outputDelta(probs, batch.labels, batch.count, dataScale, delta3, outputDim, stride);
        Kernels.weightGradients(a1, hiddenDim, delta3, outputDim, stride, w2, regLambda, dw2, db2);
        Kernels.backpropagate(w2, hiddenDim, outputDim, delta3, a1, activation, alpha, delta2, stride);
        Kernels.weightGradients(batch.x, inputDim, delta2, hiddenDim, stride, w1, regLambda, dw1, db1);
    }

    @Override
    public double[] logits() {
        return z2;
    }

    @Override
    public int[] layerSizes() {
        return new int[] {inputDim, hiddenDim, outputDim};
    }

    @Override
    public Activation activation() {
        return activation;
    }

    @Override
    public Batch batch() {
        return batch;
    }

    @Override
    public List<double[]> parameters() {
        return List.of(w1, b1, w2, b2);
    }

    @Override
    public List<double[]> gradients() {
        return List.of(dw1, db1, dw2, db2);
    }
}
