package lab.cnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationLReLU;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.AdaGrad;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.Nesterovs;
import org.nd4j.linalg.learning.config.Sgd;

class DeepMnistNetworkTest {
    private static NetworkSpec spec(CnnActivation act, WeightInitKind init, UpdaterKind updater) {
        return NetworkSpec.baseline(7).withActivation(act).withLeakyAlpha(0.2).withWeightInit(init).withUpdater(updater)
                .withLearningRate(1e-3).withMomentum(0.8);
    }

    @Test
    void layersAndParameterCountsAreTheTutorials() {
        MultiLayerNetwork net = DeepMnistNetwork.create(NetworkSpec.baseline(0));
        // conv1 5*5*1*32+32, conv2 5*5*32*64+64, fc1 7*7*64*1024+1024, out 1024*10+10
        long[] expected = {832, 0, 51_264, 0, 3_212_288, 10_250};
        long[] actual = Arrays.stream(net.getLayers()).mapToLong(l -> l.numParams()).toArray();
        assertArrayEquals(expected, actual);
        assertEquals(3_274_634, net.numParams());
        ConvolutionLayer conv1 = (ConvolutionLayer) net.getLayer(0).conf().getLayer();
        assertArrayEquals(new int[] {5, 5}, conv1.getKernelSize());
        assertEquals(org.deeplearning4j.nn.conf.ConvolutionMode.Same, conv1.getConvolutionMode());
    }

    @Test
    void dropoutKeepsHalfOfTheFcUnitsOnTheOutputLayersInput() {
        MultiLayerConfiguration conf = DeepMnistNetwork.configuration(NetworkSpec.baseline(0));
        OutputLayer out = (OutputLayer) conf.getConf(5).getLayer();
        assertInstanceOf(SeededDropout.class, out.getIDropout());
        assertEquals(0.5, ((SeededDropout) out.getIDropout()).getP(), 0.0);
        for (int i = 0; i < 5; i++) {
            assertEquals(null, conf.getConf(i).getLayer().getIDropout(), "layer " + i);
        }
    }

    @Test
    void outputIsAProbabilityDistributionOverTenClasses() {
        MultiLayerNetwork net = DeepMnistNetwork.create(NetworkSpec.baseline(0));
        INDArray out = net.output(Nd4j.rand(DataType.FLOAT, 3, 784));
        assertArrayEquals(new long[] {3, 10}, out.shape());
        for (int r = 0; r < 3; r++) {
            assertEquals(1.0, out.getRow(r).sumNumber().doubleValue(), 1e-5);
        }
    }

    @Test
    void activationsAndUpdatersFollowTheSpec() {
        MultiLayerConfiguration leaky = DeepMnistNetwork.configuration(
                spec(CnnActivation.LEAKYRELU, WeightInitKind.XAVIER, UpdaterKind.MOMENTUM));
        BaseLayer conv1 = (BaseLayer) leaky.getConf(0).getLayer();
        assertEquals(0.2, ((ActivationLReLU) conv1.getActivationFn()).getAlpha(), 0.0);
        assertEquals(new Nesterovs(1e-3, 0.8), conv1.getIUpdater());
        assertEquals(new Adam(1e-3), updater(UpdaterKind.ADAM));
        assertEquals(new AdaGrad(1e-3), updater(UpdaterKind.ADAGRAD));
        assertEquals(new Sgd(1e-3), updater(UpdaterKind.SGD));
    }

    private static Object updater(UpdaterKind kind) {
        return ((BaseLayer) DeepMnistNetwork.configuration(spec(CnnActivation.RELU, WeightInitKind.XAVIER, kind))
                .getConf(0).getLayer()).getIUpdater();
    }

    @Test
    void truncatedNormalInitIsTensorFlowsWithBiasPointOne() {
        MultiLayerNetwork net = DeepMnistNetwork.create(spec(CnnActivation.RELU, WeightInitKind.TRUNCNORMAL, UpdaterKind.ADAM));
        INDArray w = net.getLayer(4).getParam("W");
        assertTrue(w.amaxNumber().doubleValue() <= 0.2 + 1e-7, "max |w| " + w.amaxNumber());
        // a normal truncated at 2 sd has sd 0.8796 of the untruncated one
        assertEquals(0.08796, w.stdNumber().doubleValue(), 0.0005);
        assertEquals(0.0, w.meanNumber().doubleValue(), 0.0005);
        INDArray b = net.getLayer(4).getParam("b");
        assertEquals(0.1, b.minNumber().doubleValue(), 1e-7);
        assertEquals(0.1, b.maxNumber().doubleValue(), 1e-7);
    }

    @Test
    void sameSeedSameWeightsAndConfigSurvivesJson() {
        NetworkSpec s = spec(CnnActivation.TANH, WeightInitKind.TRUNCNORMAL, UpdaterKind.ADAGRAD);
        INDArray first = DeepMnistNetwork.create(s).params();
        INDArray again = DeepMnistNetwork.create(s).params();
        assertArrayEquals(first.toFloatVector(), again.toFloatVector(), 0f);
        MultiLayerConfiguration conf = DeepMnistNetwork.configuration(s);
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));
    }
}
