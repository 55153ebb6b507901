package lab.cnn.model.maxout;

import java.util.Collection;
import java.util.Map;

import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InputType.InputTypeConvolutional;
import org.deeplearning4j.nn.conf.inputs.InputType.InputTypeConvolutionalFlat;
import org.deeplearning4j.nn.conf.inputs.InputType.InputTypeFeedForward;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.NoParamLayer;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.params.EmptyParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Configuration of a parameter-free maxout layer: output unit c = max of input units
 * c*k .. c*k+k-1 (see the package doc). Feed-forward input [mb, N*k] gives [mb, N]; NCHW input
 * [mb, C*k, h, w] gives [mb, C, h, w]; flat CNN input is first reshaped to NCHW, as DL4J's
 * convolution layers do. Recurrent, 3-D CNN and NHWC inputs are rejected.
 *
 * <p>Public no-arg constructor and getter/setter pair so DL4J's Jackson JSON restores it.
 */
public class MaxoutLayer extends NoParamLayer {

    private int pieces;

    /** For JSON deserialization only. */
    public MaxoutLayer() {
    }

    /** Same as {@code new Builder(pieces).build()}. */
    public MaxoutLayer(int pieces) {
        this(new Builder(pieces));
    }

    protected MaxoutLayer(Builder builder) {
        super(builder);
        this.pieces = builder.pieces;
        checkPieces(pieces);
    }

    public int getPieces() {
        return pieces;
    }

    public void setPieces(int pieces) {
        this.pieces = pieces;
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        MaxoutLayerImpl layer = new MaxoutLayerImpl(conf, networkDataType);
        layer.setListeners(listeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    @Override
    public ParamInitializer initializer() {
        return EmptyParamInitializer.getInstance();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType in) {
        checkPieces(pieces);
        if (in instanceof InputTypeFeedForward ff) {
            return InputType.feedForward(reduce(ff.getSize()), ff.getTimeDistributedFormat());
        }
        if (in instanceof InputTypeConvolutionalFlat flat) {
            return InputType.convolutional(flat.getHeight(), flat.getWidth(),
                    reduce(flat.getDepth()));
        }
        if (in instanceof InputTypeConvolutional cnn) {
            if (cnn.getFormat() != CNN2DFormat.NCHW) {
                throw unsupported(in);
            }
            return InputType.convolutional(cnn.getHeight(), cnn.getWidth(),
                    reduce(cnn.getChannels()), CNN2DFormat.NCHW);
        }
        throw unsupported(in);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType in) {
        // Flat CNN input must become NCHW first, or the groups would mix pixels, not channels.
        if (in instanceof InputTypeConvolutionalFlat flat) {
            return new FeedForwardToCnnPreProcessor(flat.getHeight(), flat.getWidth(),
                    flat.getDepth());
        }
        return null;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // No parameters, so nothing depends on nIn; getOutputType validates the size.
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType in) {
        InputType out = getOutputType(-1, in);
        long outPerEx = out.arrayElementsPerExample();
        return new LayerMemoryReport.Builder(layerName, MaxoutLayer.class, in, out)
                .standardMemory(0, 0)
                // Training: backprop recomputes the maxima and keeps the unrouted gradient.
                .workingMemory(0, 0, 0, 2 * outPerEx)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    private long reduce(long size) {
        if (size % pieces != 0) {
            throw new IllegalStateException("Maxout layer \"" + layerName + "\" with pieces="
                    + pieces + " needs a channel/feature count divisible by it, got " + size);
        }
        return size / pieces;
    }

    private IllegalStateException unsupported(InputType in) {
        return new IllegalStateException("Maxout layer \"" + layerName
                + "\" supports feed-forward, NCHW convolutional and flat convolutional input, got "
                + in);
    }

    private static void checkPieces(int pieces) {
        if (pieces < 2) {
            throw new IllegalStateException("maxout needs pieces >= 2, got " + pieces);
        }
    }

    @Override
    public MaxoutLayer clone() {
        return (MaxoutLayer) super.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaxoutLayer other && super.equals(o) && pieces == other.pieces;
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + pieces;
    }

    @Override
    public String toString() {
        return "MaxoutLayer(pieces=" + pieces + ", " + super.toString() + ")";
    }

    /** DL4J-style builder: {@code new MaxoutLayer.Builder(2).name("maxout1").build()}. */
    public static class Builder extends Layer.Builder<Builder> {

        private int pieces = 2;

        public Builder() {
        }

        public Builder(int pieces) {
            this.pieces = pieces;
        }

        /** Number k of pieces per output unit (k >= 2). */
        public Builder pieces(int pieces) {
            this.pieces = pieces;
            return this;
        }

        @Override
        @SuppressWarnings("unchecked")
        public MaxoutLayer build() {
            return new MaxoutLayer(this);
        }
    }
}
