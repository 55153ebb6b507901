package lab.cnn.model.maxout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.LossLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Hand-made inputs whose maxima and gradient routing are known exactly, ties included. */
class MaxoutForwardBackwardTest {

    // CNN case: mb 1, 4 channels = 2 groups of k=2, 2x2 pixels. Ties: pixel (0,1) of group 0
    // (5 vs 5) and pixel (1,1) of group 1 (9 vs 9): the first channel must win.
    private static final INDArray CNN_IN = Nd4j.create(new double[] {
        1, 5, 3, -2,        // channel 0
        2, 5, 3.5, -7,      // channel 1
        0, 0.5, -1, 9,      // channel 2
        -3, 0.25, 8, 9,     // channel 3
    }, new long[] {1, 4, 2, 2}, 'c').castTo(DataType.DOUBLE);
    private static final INDArray CNN_OUT = Nd4j.create(new double[] {
        2, 5, 3.5, -2,      // max(channel 0, channel 1)
        0, 0.5, 8, 9,       // max(channel 2, channel 3)
    }, new long[] {1, 2, 2, 2}, 'c').castTo(DataType.DOUBLE);
    private static final INDArray CNN_EPS = Nd4j.create(new double[] {
        10, 20, 30, 40,
        50, 60, 70, 80,
    }, new long[] {1, 2, 2, 2}, 'c').castTo(DataType.DOUBLE);
    private static final INDArray CNN_GRAD = Nd4j.create(new double[] {
        0, 20, 0, 40,
        10, 0, 30, 0,
        50, 60, 0, 80,
        0, 0, 70, 0,
    }, new long[] {1, 4, 2, 2}, 'c').castTo(DataType.DOUBLE);

    // Feed-forward case: mb 2, 6 features = 2 groups of k=3; ties in both rows.
    private static final INDArray FF_IN = Nd4j.create(new double[][] {
        {1, 7, 3, -1, -5, -1},
        {0, 0, 0, 2, 3, 4},
    }).castTo(DataType.DOUBLE);
    private static final INDArray FF_OUT = Nd4j.create(new double[][] {
        {7, -1},
        {0, 4},
    }).castTo(DataType.DOUBLE);
    private static final INDArray FF_EPS = Nd4j.create(new double[][] {
        {1, 2},
        {3, 4},
    }).castTo(DataType.DOUBLE);
    private static final INDArray FF_GRAD = Nd4j.create(new double[][] {
        {0, 1, 0, 2, 0, 0},
        {3, 0, 0, 0, 0, 4},
    }).castTo(DataType.DOUBLE);

    @Test
    void cnnForwardAndBackwardOnTheLayer() {
        MaxoutLayerImpl layer = instantiate(2);
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        layer.setInput(CNN_IN.dup(), mgr);
        assertEquals(CNN_OUT, layer.activate(true, mgr));
        assertEquals(CNN_GRAD, layer.backpropGradient(CNN_EPS.dup(), mgr).getSecond());
    }

    @Test
    void feedForwardForwardAndBackwardOnTheLayer() {
        MaxoutLayerImpl layer = instantiate(3);
        LayerWorkspaceMgr mgr = LayerWorkspaceMgr.noWorkspaces();
        layer.setInput(FF_IN.dup(), mgr);
        assertEquals(FF_OUT, layer.activate(false, mgr));
        var result = layer.backpropGradient(FF_EPS.dup(), mgr);
        assertEquals(FF_GRAD, result.getSecond());
        assertEquals(0, result.getFirst().gradientForVariable().size(), "no parameter gradients");
    }

    @ParameterizedTest
    @EnumSource(value = WorkspaceMode.class, names = {"ENABLED", "NONE"})
    void cnnInsideANetwork(WorkspaceMode mode) {
        checkInNetwork(mode, InputType.convolutional(2, 2, 4), 2, CNN_IN, CNN_OUT, CNN_EPS,
                CNN_GRAD);
    }

    @ParameterizedTest
    @EnumSource(value = WorkspaceMode.class, names = {"ENABLED", "NONE"})
    void feedForwardInsideANetwork(WorkspaceMode mode) {
        checkInNetwork(mode, InputType.feedForward(6), 3, FF_IN, FF_OUT, FF_EPS, FF_GRAD);
    }

    /**
     * Maxout followed by an identity L2 loss layer, whose output gradient is 2*(out - labels):
     * labels = out - eps/2 make it exactly eps, so the input gradient must be the routed eps.
     */
    private static void checkInNetwork(WorkspaceMode mode, InputType type, int k, INDArray in,
            INDArray out, INDArray eps, INDArray grad) {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .dataType(DataType.DOUBLE)
                .trainingWorkspaceMode(mode)
                .inferenceWorkspaceMode(mode)
                .list()
                .layer(new MaxoutLayer(k))
                .layer(new LossLayer.Builder(LossFunction.L2).activation(Activation.IDENTITY)
                        .build())
                .setInputType(type)
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        // The loss layer sees CNN activations flattened in c order.
        INDArray flatOut = out.reshape('c', out.size(0), -1);
        INDArray flatEps = eps.reshape('c', eps.size(0), -1);
        assertEquals(flatOut, net.output(in.dup()));
        INDArray labels = flatOut.sub(flatEps.mul(0.5));
        assertEquals(grad, net.calculateGradients(in.dup(), labels, null, null).getSecond());
    }

    private static MaxoutLayerImpl instantiate(int k) {
        NeuralNetConfiguration conf = new NeuralNetConfiguration.Builder()
                .layer(new MaxoutLayer.Builder(k).build())
                .build();
        return (MaxoutLayerImpl) conf.getLayer().instantiate(conf, List.of(), 0, null, true,
                DataType.DOUBLE);
    }
}
