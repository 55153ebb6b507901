package lab.mlp.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Any number and sizes of layers: hidden layers use one activation, the output layer is linear
 * followed by softmax. The generalisation of {@link ThreeLayerNetwork}; with one hidden layer
 * the two compute exactly the same numbers.
 */
public final class NLayerNetwork implements Network {
    private final int[] sizes;
    private final Activation activation;
    private final DenseLayer[] layers;
    private final Batch batch;
    private final double[] probs;

    /**
     * @param sizes    all layer sizes, input first and classes last (at least 2 entries)
     * @param capacity the largest batch this network will see
     */
    public NLayerNetwork(int[] sizes, Activation activation, double leakyAlpha, int capacity, long seed) {
        if (sizes.length < 2) {
            throw new IllegalArgumentException("need at least an input and an output layer");
        }
        for (int size : sizes) {
            if (size <= 0) {
                throw new IllegalArgumentException("layer sizes must be > 0: " + Arrays.toString(sizes));
            }
        }
        this.sizes = sizes.clone();
        this.activation = activation;
        this.batch = new Batch(sizes[0], capacity);
        this.layers = new DenseLayer[sizes.length - 1];
        Random random = new Random(seed);
        for (int l = 0; l < layers.length; l++) {
            boolean output = l == layers.length - 1;
            layers[l] = new DenseLayer(sizes[l], sizes[l + 1], output ? Activation.IDENTITY : activation,
                    leakyAlpha, batch.stride);
            WeightInit.randnOverSqrtFanIn(layers[l].w, sizes[l], random);
        }
        this.probs = new double[sizes[sizes.length - 1] * batch.stride];
    }

    @Override
    public void forward() {
        double[] input = batch.x;
        for (DenseLayer layer : layers) {
            layer.propagate(input);
            input = layer.a;
        }
    }

    @Override
    public void backward(double dataScale, double regLambda) {
        DenseLayer top = layers[layers.length - 1];
        SoftmaxCrossEntropy.probabilities(top.a, probs, top.out, batch.stride);
        SoftmaxCrossEntropy.outputDelta(probs, batch.labels, batch.count, dataScale, top.delta, top.out, batch.stride);
        for (int l = layers.length - 1; l >= 0; l--) {
            DenseLayer layer = layers[l];
            double[] input = l == 0 ? batch.x : layers[l - 1].a;
            layer.computeGradients(input, regLambda);
            if (l > 0) {
                layer.backpropagate(layers[l - 1]);
            }
        }
    }

    @Override
    public double[] logits() {
        return layers[layers.length - 1].a;
    }

    @Override
    public int[] layerSizes() {
        return sizes.clone();
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
        List<double[]> list = new ArrayList<>();
        for (DenseLayer layer : layers) {
            list.add(layer.w);
            list.add(layer.b);
        }
        return list;
    }

    @Override
    public List<double[]> gradients() {
        List<double[]> list = new ArrayList<>();
        for (DenseLayer layer : layers) {
            list.add(layer.gw);
            list.add(layer.gb);
        }
        return list;
    }
}
