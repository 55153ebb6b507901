package lab.cnn.model;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import java.util.stream.Collectors;
import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * DL4J's gradient checker (double precision; the oneDNN helper only takes float, so this is the
 * im2col path) on networks whose first layer is an {@link InputConvolutionLayer}: the shrunken
 * Deep-MNIST network of {@link SmallNetworkGradientCheckTest} for every activation, and two
 * geometries the Deep-MNIST layer does not use (Truncate mode with stride, padding, dilation, 2
 * input channels, no bias; NHWC input). Only layer 0's parameters are perturbed.
 */
class InputConvolutionGradientCheckTest {
    private static DataType previous;

    @BeforeAll
    static void doublePrecision() {
        previous = Nd4j.defaultFloatingPointType();
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterAll
    static void restore() {
        Nd4j.setDefaultDataTypes(previous, previous);
    }

    @ParameterizedTest
    @EnumSource(CnnActivation.class)
    void smallDeepMnist(CnnActivation activation) {
        NetworkSpec spec = NetworkSpec.baseline(12345).withActivation(activation).withLeakyAlpha(0.1)
                .withUpdater(UpdaterKind.SGD).withLearningRate(1.0).withDropoutKeep(1.0).withFcWidth(5);
        MultiLayerNetwork net = new MultiLayerNetwork(FirstLayerSwap.withInputLayer(
                DeepMnistNetwork.configuration(spec, SmallNetworkGradientCheckTest.SMALL)));
        net.init();
        assertInstanceOf(InputConvolutionLayerImpl.class, net.getLayer(0));
        Nd4j.getRandom().setSeed(42);
        check(net, Nd4j.rand(DataType.DOUBLE, 3, 64), 4, activation.toString());
    }

    @Test
    void truncateModeStrideDilationNoBias() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(new InputConvolutionLayer.Builder(3, 2).nOut(3).stride(2, 1).padding(1, 0).dilation(1, 2)
                        .hasBias(false).convolutionMode(ConvolutionMode.Truncate).activation(Activation.TANH)
                        .weightInit(new SeededWeightInit(WeightInitKind.XAVIER, 5)).build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nOut(3)
                        .weightInit(new SeededWeightInit(WeightInitKind.XAVIER, 6)).build())
                .setInputType(InputType.convolutionalFlat(7, 6, 2)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Nd4j.getRandom().setSeed(7);
        check(net, Nd4j.rand(DataType.DOUBLE, 2, 7 * 6 * 2), 3, "truncate");
    }

    @Test
    void nhwcInput() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(3).dataType(DataType.DOUBLE)
                .updater(new NoOp()).list()
                .layer(new InputConvolutionLayer.Builder(3, 3).nOut(3).convolutionMode(ConvolutionMode.Same)
                        .activation(Activation.SIGMOID).weightInit(new SeededWeightInit(WeightInitKind.XAVIER, 8))
                        .build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nOut(3)
                        .weightInit(new SeededWeightInit(WeightInitKind.XAVIER, 9)).build())
                .setInputType(InputType.convolutional(5, 4, 2, CNN2DFormat.NHWC)).build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        Nd4j.getRandom().setSeed(9);
        check(net, Nd4j.rand(DataType.DOUBLE, 2, 5, 4, 2), 3, "nhwc");
    }

    private static void check(MultiLayerNetwork net, INDArray input, int classes, String what) {
        int rows = (int) input.size(0);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, rows, classes);
        for (int i = 0; i < rows; i++) {
            labels.putScalar(i, i % classes, 1.0);
        }
        // Only this layer's parameters: the others are DL4J's layers (SmallNetworkGradientCheckTest),
        // and skipping them keeps the check to seconds. Their gradients still flow through it.
        Set<String> others = net.paramTable().keySet().stream().filter(k -> !k.startsWith("0_"))
                .collect(Collectors.toSet());
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(input)
                .labels(labels).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8).excludeParams(others)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false));
        assertTrue(ok, what + ": gradient check failed (see the log for the parameters)");
    }
}
