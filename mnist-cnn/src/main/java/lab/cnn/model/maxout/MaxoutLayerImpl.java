package lab.cnn.model.maxout;

import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Runtime maxout layer with hand-written forward and backward passes. Nothing is cached between
 * the passes: backprop recomputes the maxima from the input, which DL4J keeps for it, so no
 * array has to outlive its workspace.
 */
public class MaxoutLayerImpl extends AbstractLayer<MaxoutLayer> {

    public MaxoutLayerImpl(NeuralNetConfiguration conf,
            org.nd4j.linalg.api.buffer.DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, mgr);
        int k = layerConf().getPieces();
        // The result is written straight into the activations workspace: no leverage needed.
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, input.dataType(),
                MaxoutOps.outputShape(input.shape(), k), 'c');
        return MaxoutOps.forward(input, k, out);
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray gradIn = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, input.dataType(),
                input.shape(), 'c');
        MaxoutOps.backward(input, epsilon, layerConf().getPieces(), gradIn);
        gradIn = backpropDropOutIfPresent(gradIn);
        return new Pair<>(new DefaultGradient(), gradIn);
    }

    @Override
    public double calcRegularizationScore(boolean backpropParamsOnly) {
        return 0;
    }

    @Override
    public Type type() {
        return Type.FEED_FORWARD;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
        // No parameters, so no weight noise.
    }

    @Override
    public INDArray params() {
        return null;
    }
}
