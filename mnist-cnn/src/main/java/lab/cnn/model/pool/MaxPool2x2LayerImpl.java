package lab.cnn.model.pool;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import lab.cnn.backend.Backend;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.AbstractLayer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Runtime 2x2 / stride-2 max pooling. Nothing is kept between the passes: backprop finds each
 * window's maximum again in the input, which DL4J keeps for it, so no array outlives its
 * workspace and a forward pass in between (evaluation, monitoring) changes nothing.
 */
public class MaxPool2x2LayerImpl extends AbstractLayer<MaxPool2x2Layer> {

    public MaxPool2x2LayerImpl(NeuralNetConfiguration conf, DataType dataType) {
        super(conf, dataType);
    }

    @Override
    public INDArray activate(boolean training, LayerWorkspaceMgr mgr) {
        assertInputSet(false);
        applyDropOutIfNecessary(training, mgr);
        INDArray in = contiguous(input);
        long[] s = in.shape();
        INDArray out = mgr.createUninitialized(ArrayType.ACTIVATIONS, in.dataType(),
                new long[] {s[0], s[1], s[2] / 2, s[3] / 2}, 'c');
        int planes = (int) (s[0] * s[1]);
        int threads = Backend.threads(); // as many as the native ops: one setting governs the step
        if (in.dataType() == DataType.DOUBLE) {
            MaxPool2x2Kernels.forward(doubles(in), doubles(out), planes, (int) s[2], (int) s[3], threads);
        } else {
            MaxPool2x2Kernels.forward(floats(in), floats(out), planes, (int) s[2], (int) s[3], threads);
        }
        return out;
    }

    @Override
    public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon, LayerWorkspaceMgr mgr) {
        assertInputSet(true);
        INDArray in = contiguous(input);
        INDArray gradOut = contiguous(epsilon.castTo(in.dataType()));
        long[] s = in.shape();
        INDArray gradIn = mgr.createUninitialized(ArrayType.ACTIVATION_GRAD, in.dataType(), s, 'c');
        int planes = (int) (s[0] * s[1]);
        int threads = Backend.threads(); // as many as the native ops: one setting governs the step
        if (in.dataType() == DataType.DOUBLE) {
            MaxPool2x2Kernels.backward(doubles(in), doubles(gradOut), doubles(gradIn), planes, (int) s[2], (int) s[3],
                    threads);
        } else {
            MaxPool2x2Kernels.backward(floats(in), floats(gradOut), floats(gradIn), planes, (int) s[2], (int) s[3],
                    threads);
        }
        gradIn = backpropDropOutIfPresent(gradIn);
        return new Pair<>(new DefaultGradient(), gradIn);
    }

    private INDArray contiguous(INDArray a) {
        if (a.rank() != 4) {
            throw new IllegalStateException("max pooling layer \"" + layerConf().getLayerName()
                    + "\" needs [mb, channels, height, width] input, got rank " + a.rank());
        }
        INDArray x = a.dataType() == dataType ? a : a.castTo(dataType);
        return x.ordering() == 'c' && Shape.hasDefaultStridesForShape(x) && !x.isView() ? x : x.dup('c');
    }

    /** The array's elements as a direct buffer starting at its first element. */
    private static FloatBuffer floats(INDArray a) {
        FloatBuffer b = a.data().asNioFloat();
        return b.position((int) a.offset()).slice();
    }

    private static DoubleBuffer doubles(INDArray a) {
        DoubleBuffer b = a.data().asNioDouble();
        return b.position((int) a.offset()).slice();
    }

    @Override
    public double calcRegularizationScore(boolean backpropParamsOnly) {
        return 0;
    }

    @Override
    public Type type() {
        return Type.SUBSAMPLING;
    }

    @Override
    public boolean isPretrainLayer() {
        return false;
    }

    @Override
    public void clearNoiseWeightParams() {
        // no parameters
    }

    @Override
    public INDArray params() {
        return null;
    }
}
