package lab.cnn.model;

import java.util.Optional;
import lab.cnn.data.ImageGeometry;
import lab.cnn.model.maxout.MaxoutLayer;
import lab.cnn.model.pool.MaxPool2x2Layer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The TensorFlow tutorial's Deep-MNIST network: conv 5x5x32 (same padding) -> act -> maxpool 2x2
 * -> conv 5x5x64 -> act -> maxpool 2x2 -> fc 1024 -> act -> dropout -> softmax 10, cross-entropy.
 * With maxout each conv/fc layer computes k times the units and a maxout layer keeps the
 * largest of each group of k, so every layer still hands on 32, 64 and 1024 units.
 *
 * <p>Input size, channels and classes come from the dataset ({@link ImageGeometry}); 28x28x1 and
 * 10 classes are the tutorial's. The 5x5 convolutions keep the size (same padding), each pooling
 * halves it, so fc1 sees (height/4) x (width/4) x 64 values (7x7x64 for MNIST; DL4J infers that
 * from the input type) and the height and width must be multiples of 4. conv1 is the project's
 * {@link InputConvolutionLayer} for any number of input channels: its backprop is written for
 * [mb, channels, h, w] (tested against DL4J's layer with 2 and 3 channels).
 */
public final class DeepMnistNetwork {

    /**
     * The input and the sizes fixed by the tutorial (kernel, conv widths); tests shrink them to
     * gradient-check the same architecture.
     */
    record Geometry(int height, int width, int channels, int kernel, int conv1, int conv2, int classes,
                    DataType dataType) {
        static final Geometry DEEP_MNIST = of(ImageGeometry.MNIST);

        /** Grey input. */
        Geometry(int height, int width, int kernel, int conv1, int conv2, int classes, DataType dataType) {
            this(height, width, 1, kernel, conv1, conv2, classes, dataType);
        }

        /** The tutorial's layers over {@code input}'s images and classes. */
        static Geometry of(ImageGeometry input) {
            return new Geometry(input.height(), input.width(), input.channels(), 5, 32, 64, input.classes(),
                    DataType.FLOAT);
        }
    }

    private DeepMnistNetwork() {
    }

    /** Why the network cannot be built for {@code input}, or empty if it can. */
    public static Optional<String> problem(ImageGeometry input) {
        if (input.height() % 4 != 0 || input.width() % 4 != 0) {
            return Optional.of("the network's two 2x2 poolings need a height and width divisible by 4");
        }
        if (input.classes() < 2) {
            return Optional.of("the network needs at least 2 classes");
        }
        return Optional.empty();
    }

    /** The tutorial's network: 28x28 grey images, 10 classes. */
    public static MultiLayerNetwork create(NetworkSpec spec) {
        return create(spec, ImageGeometry.MNIST);
    }

    /** The network for {@code input}'s images and classes. */
    public static MultiLayerNetwork create(NetworkSpec spec, ImageGeometry input) {
        return init(configuration(spec, checked(input), false));
    }

    /**
     * The same network with each conv and fc layer split into a layer with identity activation
     * followed by an {@code ActivationLayer} ({@code conv1} then {@code conv1-act}...), so that net
     * input, activation and pool output are separate layers, each with its own charts in the
     * DL4J UI. Same maths and, from the same seed, the same weights as {@link #create}.
     */
    public static MultiLayerNetwork createMonitored(NetworkSpec spec) {
        return createMonitored(spec, ImageGeometry.MNIST);
    }

    public static MultiLayerNetwork createMonitored(NetworkSpec spec, ImageGeometry input) {
        return init(configuration(spec, checked(input), true));
    }

    private static Geometry checked(ImageGeometry input) {
        problem(input).ifPresent(p -> {
            throw new IllegalArgumentException(input.describe() + ": " + p);
        });
        return Geometry.of(input);
    }

    private static MultiLayerNetwork init(MultiLayerConfiguration conf) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }

    public static MultiLayerConfiguration configuration(NetworkSpec spec) {
        return configuration(spec, Geometry.DEEP_MNIST, false);
    }

    public static MultiLayerConfiguration configuration(NetworkSpec spec, ImageGeometry input) {
        return configuration(spec, checked(input), false);
    }

    static MultiLayerConfiguration configuration(NetworkSpec spec, Geometry g) {
        return configuration(spec, g, false);
    }

    static MultiLayerConfiguration configuration(NetworkSpec spec, Geometry g, boolean split) {
        boolean maxout = spec.activation() == CnnActivation.MAXOUT;
        int widen = maxout ? spec.maxoutPieces() : 1;
        IActivation fn = activation(spec);
        // Split: the weighted layer computes the net input; an ActivationLayer applies fn after it.
        IActivation act = split && !maxout ? Activation.IDENTITY.getActivationFunction() : fn;

        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(spec.seed())
                .dataType(g.dataType())
                // keeps each layer's net input from the forward pass for backprop, which otherwise
                // runs every convolution forward a second time
                .cacheMode(CacheMode.DEVICE)
                .updater(updater(spec));
        if (spec.weightInit() == WeightInitKind.TRUNCNORMAL) {
            base.biasInit(0.1);
        }

        NeuralNetConfiguration.ListBuilder layers = base.list();
        // conv1 computes no gradient for the network's input, which nothing uses (InputConvolutionLayer)
        layers.layer(new InputConvolutionLayer.Builder(g.kernel(), g.kernel()).nOut(g.conv1() * widen).stride(1, 1)
                .convolutionMode(ConvolutionMode.Same).activation(act).weightInit(init(spec, 1)).name("conv1").build());
        after(layers, spec, split, fn, "conv1");
        layers.layer(pool("pool1"));
        layers.layer(new ConvolutionLayer.Builder(g.kernel(), g.kernel()).nOut(g.conv2() * widen).stride(1, 1)
                .convolutionMode(ConvolutionMode.Same).activation(act).weightInit(init(spec, 2)).name("conv2").build());
        after(layers, spec, split, fn, "conv2");
        layers.layer(pool("pool2"));
        layers.layer(new DenseLayer.Builder().nOut(spec.fcWidth() * widen).activation(act).weightInit(init(spec, 3))
                .name("fc1").build());
        after(layers, spec, split, fn, "fc1");
        // DL4J applies dropout to a layer's input, p being the probability of keeping a unit: on
        // the output layer that is TF's dropout(h_fc1, keep_prob).
        OutputLayer.Builder output = new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(g.classes())
                .activation(Activation.SOFTMAX).weightInit(init(spec, 4)).name("output");
        if (spec.dropoutKeep() < 1) {
            output.dropOut(new SeededDropout(spec.dropoutKeep(), spec.seed()));
        }
        layers.layer(output.build());
        return layers.setInputType(InputType.convolutionalFlat(g.height(), g.width(), g.channels())).build();
    }

    /** What follows a weighted layer: maxout, or in the split form the activation function. */
    private static void after(NeuralNetConfiguration.ListBuilder layers, NetworkSpec spec, boolean split,
                              IActivation fn, String name) {
        if (spec.activation() == CnnActivation.MAXOUT) {
            layers.layer(new MaxoutLayer.Builder(spec.maxoutPieces()).name(name + "-maxout").build());
        } else if (split) {
            layers.layer(new ActivationLayer.Builder().activation(fn).name(name + "-act").build());
        }
    }

    /** Each layer draws its weights from its own seed, derived from the experiment's. */
    private static SeededWeightInit init(NetworkSpec spec, int layer) {
        return new SeededWeightInit(spec.weightInit(), spec.seed() * 1_000_003L + layer);
    }

    /** 2x2 max pooling, stride 2: the project's Java layer, not DL4J's oneDNN one (see lab.cnn.model.pool). */
    private static MaxPool2x2Layer pool(String name) {
        return new MaxPool2x2Layer.Builder().name(name).build();
    }

    /** The function applied by the conv and fc layers themselves; identity under maxout. */
    static IActivation activation(NetworkSpec spec) {
        return switch (spec.activation()) {
            case RELU -> Activation.RELU.getActivationFunction();
            case LEAKYRELU -> new ActivationLReLU(spec.leakyAlpha());
            case TANH -> Activation.TANH.getActivationFunction();
            case SIGMOID -> Activation.SIGMOID.getActivationFunction();
            case MAXOUT -> Activation.IDENTITY.getActivationFunction();
        };
    }

    static IUpdater updater(NetworkSpec spec) {
        return switch (spec.updater()) {
            case ADAM -> new Adam(spec.learningRate());
            case ADAGRAD -> new AdaGrad(spec.learningRate());
            case SGD -> new Sgd(spec.learningRate());
            case MOMENTUM -> new Nesterovs(spec.learningRate(), spec.momentum());
        };
    }
}
