package lab.cnn.model.maxout;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** DL4J's numerical gradient check, double precision, random inputs (ties improbable). */
class MaxoutGradientCheckTest {

    private static final double EPSILON = 1e-6;
    private static final double MAX_REL_ERROR = 1e-3;
    private static final double MIN_ABS_ERROR = 1e-8;
    private static final int MINIBATCH = 3;
    private static final int CLASSES = 3;

    @BeforeEach
    void doublePrecision() {
        Nd4j.setDefaultDataTypes(DataType.DOUBLE, DataType.DOUBLE);
    }

    @AfterEach
    void restoreFloat() {
        Nd4j.setDefaultDataTypes(DataType.FLOAT, DataType.FLOAT);
    }

    /** conv 3x3 (4) -> maxout 2 -> max pool 2x2 -> dense 6 -> maxout 2 -> softmax 3. */
    @ParameterizedTest
    @EnumSource(value = WorkspaceMode.class, names = {"ENABLED", "NONE"})
    void convNet(WorkspaceMode mode) {
        MultiLayerConfiguration conf = base(mode, 12345).list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).build())
                .layer(new MaxoutLayer(2))
                .layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                        .kernelSize(2, 2).stride(2, 2).build())
                .layer(new DenseLayer.Builder().nOut(6).build())
                .layer(new MaxoutLayer(2))
                .layer(output())
                .setInputType(InputType.convolutional(6, 6, 1))
                .build();
        check("conv", mode, conf, Nd4j.rand(DataType.DOUBLE, MINIBATCH, 1, 6, 6));
    }

    /** dense 8 -> maxout 2 -> dense 9 -> maxout 3 -> softmax 3. */
    @ParameterizedTest
    @EnumSource(value = WorkspaceMode.class, names = {"ENABLED", "NONE"})
    void denseNet(WorkspaceMode mode) {
        MultiLayerConfiguration conf = base(mode, 42).list()
                .layer(new DenseLayer.Builder().nOut(8).build())
                .layer(new MaxoutLayer(2))
                .layer(new DenseLayer.Builder().nOut(9).build())
                .layer(new MaxoutLayer.Builder(3).build())
                .layer(output())
                .setInputType(InputType.feedForward(5))
                .build();
        check("dense", mode, conf, Nd4j.rand(DataType.DOUBLE, MINIBATCH, 5));
    }

    private static NeuralNetConfiguration.Builder base(WorkspaceMode mode, long seed) {
        return new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.DOUBLE)
                .updater(new NoOp())
                .weightInit(WeightInit.XAVIER)
                .activation(Activation.IDENTITY) // maxout is the only non-linearity
                .trainingWorkspaceMode(mode)
                .inferenceWorkspaceMode(mode);
    }

    private static OutputLayer output() {
        return new OutputLayer.Builder(LossFunction.MCXENT)
                .activation(Activation.SOFTMAX).nOut(CLASSES).build();
    }

    private static void check(String name, WorkspaceMode mode, MultiLayerConfiguration conf,
            INDArray input) {
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, MINIBATCH, CLASSES);
        for (int i = 0; i < MINIBATCH; i++) {
            labels.putScalar(i, i % CLASSES, 1.0);
        }
        GradientCheckLog.Result r = GradientCheckLog.check(new GradientCheckUtil.MLNConfig()
                .net(net).input(input).labels(labels)
                .epsilon(EPSILON).maxRelError(MAX_REL_ERROR).minAbsoluteError(MIN_ABS_ERROR));
        System.out.printf("gradient check %s net, workspaces %s: %d params, max rel error %.3g%n",
                name, mode, net.numParams(), r.maxRelError());
        assertTrue(r.passed(), name + " net gradient check failed, max rel error "
                + r.maxRelError());
    }
}
