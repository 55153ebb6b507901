package lab.cnn.model;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.gradientcheck.GradientCheckUtil;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * DL4J's gradient checker on the Deep-MNIST architecture built by {@link DeepMnistNetwork},
 * shrunk (8x8 input, 3x3 kernels, 2 and 3 channels, fc 5, 4 classes) and in double precision,
 * for every activation. Dropout is off (keep 1.0) and the updater is SGD with step 1, as the
 * checker requires.
 */
class SmallNetworkGradientCheckTest {
    static final DeepMnistNetwork.Geometry SMALL = new DeepMnistNetwork.Geometry(8, 8, 3, 2, 3, 4, DataType.DOUBLE);
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
    void gradientsMatchFiniteDifferences(CnnActivation activation) {
        NetworkSpec spec = NetworkSpec.baseline(12345).withActivation(activation).withLeakyAlpha(0.1)
                .withUpdater(UpdaterKind.SGD).withLearningRate(1.0).withDropoutKeep(1.0).withFcWidth(5);
        MultiLayerNetwork net = new MultiLayerNetwork(DeepMnistNetwork.configuration(spec, SMALL));
        net.init();
        Nd4j.getRandom().setSeed(42);
        INDArray input = Nd4j.rand(DataType.DOUBLE, 3, 64);
        INDArray labels = Nd4j.zeros(DataType.DOUBLE, 3, 4);
        for (int i = 0; i < 3; i++) {
            labels.putScalar(i, i % 4, 1.0);
        }
        boolean ok = GradientCheckUtil.checkGradients(new GradientCheckUtil.MLNConfig().net(net).input(input)
                .labels(labels).epsilon(1e-6).maxRelError(1e-3).minAbsoluteError(1e-8)
                .print(GradientCheckUtil.PrintMode.FAILURES_ONLY).exitOnFirstError(false));
        assertTrue(ok, activation + ": gradient check failed (see the log for the parameters)");
    }
}
