package lab.cnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import java.util.stream.Stream;
import lab.cnn.backend.Backend;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The Deep-MNIST network with {@link InputConvolutionLayer} as conv1 computes the same score and
 * parameter gradients, from the same seeded weights and batch, as with DL4J's ConvolutionLayer:
 * on the oneDNN path and on the plain path, fused and split (createMonitored) form, and maxout. Everything but
 * conv1's own gradient comes out of the same kernels and must be bit-identical; conv1's W and b
 * gradients are summed in another order (one gemm instead of oneDNN's backward_weights, or the
 * same gemm on the plain path) and must agree within float32 rounding: 1e-5 of the largest
 * magnitude of that gradient.
 */
class InputConvolutionLayerTest {
    private static final double CONV1_TOLERANCE = 1e-5;
    private static final int BATCH = 6;

    @AfterEach
    void restore() {
        Backend.setOneDnn(true);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of(CnnActivation.RELU, true, false),
                Arguments.of(CnnActivation.RELU, false, false),
                Arguments.of(CnnActivation.TANH, true, false),
                Arguments.of(CnnActivation.TANH, false, false),
                Arguments.of(CnnActivation.MAXOUT, true, false),
                Arguments.of(CnnActivation.RELU, true, true),
                Arguments.of(CnnActivation.TANH, false, true));
    }

    @ParameterizedTest(name = "{0}, oneDNN {1}, split {2}")
    @MethodSource("cases")
    void sameScoreAndGradientsAsDl4j(CnnActivation activation, boolean oneDnn, boolean split) {
        Backend.setOneDnn(oneDnn);
        NetworkSpec spec = NetworkSpec.baseline(11).withActivation(activation).withDropoutKeep(1.0).withFcWidth(128);
        MultiLayerConfiguration conf = DeepMnistNetwork.configuration(spec, DeepMnistNetwork.Geometry.DEEP_MNIST, split);
        MultiLayerNetwork dl4j = new MultiLayerNetwork(FirstLayerSwap.withDl4jLayer(conf));
        dl4j.init();
        MultiLayerNetwork ours = new MultiLayerNetwork(FirstLayerSwap.withInputLayer(conf));
        ours.init();
        assertInstanceOf(InputConvolutionLayerImpl.class, ours.getLayer(0));
        assertEquals(oneDnn, ((org.deeplearning4j.nn.layers.convolution.ConvolutionLayer) ours.getLayer(0))
                .getHelper() != null, "oneDNN helper loaded iff oneDNN is on");
        assertArrayEquals(dl4j.params().toFloatVector(), ours.params().toFloatVector(), 0f, "same seeded weights");

        INDArray input = batch(BATCH, 784, 5);
        INDArray labels = oneHot(BATCH, 6);
        assertEquals(dl4j.output(input), ours.output(input), "forward pass unchanged");

        for (MultiLayerNetwork net : new MultiLayerNetwork[] {dl4j, ours}) {
            net.setInput(input);
            net.setLabels(labels);
            net.computeGradientAndScore();
        }
        assertEquals(dl4j.score(), ours.score(), 0.0, "score");

        compareGradients(dl4j, ours);
        long conv1 = dl4j.getLayer(0).numParams();
        // the per-parameter views are what the updater reads
        assertEquals(ours.gradient().getGradientFor("0_W").length() + ours.gradient().getGradientFor("0_b").length(),
                conv1);
    }

    /** Shapes the Deep-MNIST conv1 does not have: each builds the same tiny network twice. */
    enum Geometry {
        /**
         * Truncate mode, stride 2x1, padding 1x0, no bias, 2 input channels. (No dilation: oneDNN
         * 2.3 via libnd4j refuses dilated convolutions and DL4J falls back to the plain path, so
         * dilation is covered by the gradient check and {@link #im2colMatchesLibnd4j}.)
         */
        TRUNCATE_STRIDED,
        /** Same mode with stride 2 (asymmetric padding: more at the bottom/right), batch of 1. */
        SAME_STRIDED,
        /** NHWC input, Same mode, 3 input channels. */
        NHWC
    }

    static Stream<Arguments> geometries() {
        return Stream.of(Geometry.values()).flatMap(g -> Stream.of(Arguments.of(g, true), Arguments.of(g, false)));
    }

    @ParameterizedTest(name = "{0}, oneDNN {1}")
    @MethodSource("geometries")
    void otherGeometriesMatchDl4j(Geometry geometry, boolean oneDnn) {
        Backend.setOneDnn(oneDnn);
        MultiLayerNetwork dl4j = new MultiLayerNetwork(geometry(geometry, false));
        dl4j.init();
        MultiLayerNetwork ours = new MultiLayerNetwork(geometry(geometry, true));
        ours.init();
        assertInstanceOf(InputConvolutionLayerImpl.class, ours.getLayer(0));
        assertArrayEquals(dl4j.params().toFloatVector(), ours.params().toFloatVector(), 0f);
        int rows = geometry == Geometry.SAME_STRIDED ? 1 : 3; // and a batch of one
        INDArray input = switch (geometry) {
            case TRUNCATE_STRIDED -> batch(rows, 2 * 9 * 7, 12);
            case SAME_STRIDED -> batch(rows, 9 * 9, 13);
            case NHWC -> batch(rows, 5 * 4 * 3, 14).reshape('c', rows, 5, 4, 3);
        };
        INDArray labels = oneHot(rows, 15).get(org.nd4j.linalg.indexing.NDArrayIndex.all(),
                org.nd4j.linalg.indexing.NDArrayIndex.interval(0, 4)).dup();
        for (MultiLayerNetwork net : new MultiLayerNetwork[] {dl4j, ours}) {
            net.setInput(input);
            net.setLabels(labels);
            net.computeGradientAndScore();
        }
        assertEquals(dl4j.score(), ours.score(), 0.0, "score");
        compareGradients(dl4j, ours);
    }

    private static MultiLayerConfiguration geometry(Geometry geometry, boolean ours) {
        ConvolutionLayer.Builder first;
        InputType in;
        switch (geometry) {
            case TRUNCATE_STRIDED -> {
                first = ours ? new InputConvolutionLayer.Builder(3, 2) : new ConvolutionLayer.Builder(3, 2);
                first.stride(2, 1).padding(1, 0).hasBias(false)
                        .convolutionMode(ConvolutionMode.Truncate);
                in = InputType.convolutionalFlat(9, 7, 2);
            }
            case SAME_STRIDED -> {
                first = ours ? new InputConvolutionLayer.Builder(5, 5) : new ConvolutionLayer.Builder(5, 5);
                first.stride(2, 2).convolutionMode(ConvolutionMode.Same);
                in = InputType.convolutionalFlat(9, 9, 1);
            }
            default -> {
                first = ours ? new InputConvolutionLayer.Builder(3, 3) : new ConvolutionLayer.Builder(3, 3);
                first.convolutionMode(ConvolutionMode.Same);
                in = InputType.convolutional(5, 4, 3, org.deeplearning4j.nn.conf.CNN2DFormat.NHWC);
            }
        }
        first.nOut(4).activation(Activation.TANH).biasInit(0.1)
                .weightInit(new SeededWeightInit(WeightInitKind.XAVIER, 31));
        return new NeuralNetConfiguration.Builder().seed(1).dataType(DataType.FLOAT).list()
                .layer(first.build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nOut(4)
                        .weightInit(new SeededWeightInit(WeightInitKind.XAVIER, 32)).build())
                .setInputType(in).build();
    }

    /** conv1's W and b within float rounding of DL4J's; every other gradient bit-identical. */
    private static void compareGradients(MultiLayerNetwork dl4j, MultiLayerNetwork ours) {
        long conv1 = dl4j.getLayer(0).numParams();
        float[] expected = dl4j.gradient().gradient().ravel().toFloatVector();
        float[] actual = ours.gradient().gradient().ravel().toFloatVector();
        assertEquals(expected.length, actual.length);
        double scale = 0;
        for (int i = 0; i < conv1; i++) {
            scale = Math.max(scale, Math.abs(expected[i]));
        }
        assertTrue(scale > 0, "conv1 has a gradient");
        double worst = 0;
        for (int i = 0; i < expected.length; i++) {
            if (i < conv1) {
                worst = Math.max(worst, Math.abs(expected[i] - actual[i]) / scale);
            } else {
                assertEquals(expected[i], actual[i], 0f, "gradient element " + i + " (beyond conv1) bit-identical");
            }
        }
        assertTrue(worst < CONV1_TOLERANCE, "conv1 gradient: largest difference " + worst + " of " + scale);
    }

    /** The layer's own im2col equals libnd4j's, padding, stride and dilation included. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("im2colCases")
    void im2colMatchesLibnd4j(String name, int[] inShape, int[] kernel, int[] stride, int[] pad, int[] dilation,
            boolean same) {
        INDArray x = batch(inShape[0], inShape[1] * inShape[2] * inShape[3], 21).reshape('c', inShape[0], inShape[1],
                inShape[2], inShape[3]);
        int[] out = org.deeplearning4j.util.ConvolutionUtils.getOutputSize(x, kernel, stride, same ? null : pad,
                same ? ConvolutionMode.Same : ConvolutionMode.Truncate, dilation,
                org.deeplearning4j.nn.conf.CNN2DFormat.NCHW);
        if (same) {
            pad = org.deeplearning4j.util.ConvolutionUtils.getSameModeTopLeftPadding(out,
                    new int[] {inShape[2], inShape[3]}, kernel, stride, dilation);
        }
        INDArray expected = Nd4j.create(DataType.FLOAT, inShape[0], inShape[1], kernel[0], kernel[1], out[0], out[1]);
        org.nd4j.linalg.convolution.Convolution.im2col(x, kernel[0], kernel[1], stride[0], stride[1], pad[0], pad[1],
                dilation[0], dilation[1], same, expected);
        INDArray actual = InputConvolutionLayerImpl.im2col(x, org.deeplearning4j.nn.workspace.LayerWorkspaceMgr
                .noWorkspaces(), inShape[0], inShape[1], inShape[2], inShape[3], kernel[0], kernel[1], out[0], out[1],
                stride, pad, dilation);
        assertEquals(expected, actual, name);
    }

    static Stream<Arguments> im2colCases() {
        return Stream.of(
                Arguments.of("conv1: 5x5 Same", new int[] {2, 1, 28, 28}, new int[] {5, 5}, new int[] {1, 1},
                        new int[] {0, 0}, new int[] {1, 1}, true),
                Arguments.of("Same, stride 2, 2 channels", new int[] {2, 2, 9, 8}, new int[] {3, 4}, new int[] {2, 2},
                        new int[] {0, 0}, new int[] {1, 1}, true),
                Arguments.of("Truncate, padding, stride, dilation", new int[] {2, 2, 9, 8}, new int[] {3, 2},
                        new int[] {2, 1}, new int[] {1, 0}, new int[] {1, 2}, false),
                Arguments.of("Truncate, no padding, input beyond the last window", new int[] {1, 3, 10, 9},
                        new int[] {3, 3}, new int[] {3, 2}, new int[] {0, 0}, new int[] {2, 1}, false),
                Arguments.of("Same, dilation 2", new int[] {1, 1, 7, 7}, new int[] {3, 3}, new int[] {1, 1},
                        new int[] {0, 0}, new int[] {2, 2}, true));
    }

    /** A few Adam steps from the same start end at the same weights (within rounding). */
    @Test
    void trainsLikeDl4j() {
        NetworkSpec spec = NetworkSpec.baseline(3).withLearningRate(1e-3).withFcWidth(64);
        MultiLayerConfiguration conf = DeepMnistNetwork.configuration(spec);
        MultiLayerNetwork dl4j = new MultiLayerNetwork(FirstLayerSwap.withDl4jLayer(conf));
        dl4j.init();
        MultiLayerNetwork ours = new MultiLayerNetwork(FirstLayerSwap.withInputLayer(conf));
        ours.init();
        INDArray input = batch(8, 784, 1);
        INDArray labels = oneHot(8, 2);
        for (int step = 0; step < 3; step++) {
            dl4j.fit(input, labels);
            ours.fit(input, labels);
        }
        assertArrayEquals(dl4j.params().toFloatVector(), ours.params().toFloatVector(), 1e-5f);
    }

    @Test
    void noInputGradient() {
        MultiLayerNetwork net = new MultiLayerNetwork(FirstLayerSwap.withInputLayer(DeepMnistNetwork.configuration(
                NetworkSpec.baseline(1))));
        net.init();
        assertInstanceOf(InputConvolutionPreProcessor.class, net.getLayerWiseConfigurations().getInputPreProcess(0));
        INDArray input = batch(2, 784, 3);
        net.setInput(input);
        net.setLabels(oneHot(2, 4));
        net.computeGradientAndScore();
        assertNotNull(net.gradient());
        // MultiLayerNetwork.calculateGradients asks for the input gradient: there is none
        assertNull(net.calculateGradients(input, oneHot(2, 4), null, null).getSecond());
    }

    @Test
    void builderInstallsThePreProcessorForFlatInput() {
        MultiLayerConfiguration conf = tiny(new InputConvolutionLayer.Builder(3, 3).nOut(2)
                .convolutionMode(ConvolutionMode.Same).build(), null);
        assertInstanceOf(InputConvolutionLayer.class, conf.getConf(0).getLayer());
        assertInstanceOf(InputConvolutionPreProcessor.class, conf.getInputPreProcess(0));
    }

    @Test
    void refusesLayersOtherThanTheFirst() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(2).build())
                .layer(new InputConvolutionLayer.Builder(3, 3).nOut(2).name("second").build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nOut(3).build())
                .setInputType(InputType.convolutionalFlat(8, 8, 1)).build();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new MultiLayerNetwork(conf).init());
        assertTrue(e.getMessage().contains("layer 0"), e.getMessage());
    }

    @Test
    void refusesDropoutOnItsInput() {
        MultiLayerConfiguration own = tiny(new InputConvolutionLayer.Builder(3, 3).nOut(2).dropOut(0.5).build(), null);
        assertThrows(IllegalStateException.class, () -> new MultiLayerNetwork(own).init());
        MultiLayerConfiguration inherited = tiny(new InputConvolutionLayer.Builder(3, 3).nOut(2).build(), 0.8);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new MultiLayerNetwork(inherited).init());
        assertTrue(e.getMessage().contains("dropout"), e.getMessage());
    }

    private static MultiLayerConfiguration tiny(ConvolutionLayer first, Double dropout) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder();
        if (dropout != null) {
            base.dropOut(dropout);
        }
        return base.list()
                .layer(first)
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nOut(3).build())
                .setInputType(InputType.convolutionalFlat(8, 8, 1)).build();
    }

    static INDArray batch(int rows, int cols, long seed) {
        Random random = new Random(seed);
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextFloat();
        }
        return Nd4j.create(values, new long[] {rows, cols}, 'c');
    }

    static INDArray oneHot(int rows, long seed) {
        Random random = new Random(seed);
        INDArray labels = Nd4j.zeros(DataType.FLOAT, rows, 10);
        for (int r = 0; r < rows; r++) {
            labels.putScalar(r, random.nextInt(10), 1f);
        }
        return labels;
    }
}
