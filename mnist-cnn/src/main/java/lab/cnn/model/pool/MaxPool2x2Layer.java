package lab.cnn.model.pool;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InputType.InputTypeConvolutional;
import org.deeplearning4j.nn.conf.inputs.InputType.InputTypeConvolutionalFlat;
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
 * Configuration of 2x2 max pooling with stride 2 on NCHW input of even height and width: the
 * same function as DL4J's {@code SubsamplingLayer} (MAX, kernel 2x2, stride 2), computed by
 * {@link MaxPool2x2LayerImpl}. Public no-arg constructor so DL4J's Jackson JSON restores it.
 */
public class MaxPool2x2Layer extends NoParamLayer {

    /** For JSON deserialization only. */
    public MaxPool2x2Layer() {
    }

    protected MaxPool2x2Layer(Builder builder) {
        super(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        MaxPool2x2LayerImpl layer = new MaxPool2x2LayerImpl(conf, networkDataType);
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
        if (in instanceof InputTypeConvolutionalFlat flat) {
            return halved(flat.getHeight(), flat.getWidth(), flat.getDepth(), in);
        }
        if (in instanceof InputTypeConvolutional cnn && cnn.getFormat() == CNN2DFormat.NCHW) {
            return halved(cnn.getHeight(), cnn.getWidth(), cnn.getChannels(), in);
        }
        throw new IllegalStateException("max pooling layer \"" + layerName
                + "\" needs NCHW convolutional input, got " + in);
    }

    private InputType halved(long height, long width, long channels, InputType in) {
        if (height % 2 != 0 || width % 2 != 0) {
            throw new IllegalStateException("max pooling layer \"" + layerName
                    + "\" (2x2, stride 2) needs an even height and width, got " + in);
        }
        return InputType.convolutional(height / 2, width / 2, channels, CNN2DFormat.NCHW);
    }

    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType in) {
        if (in instanceof InputTypeConvolutionalFlat flat) {
            return new FeedForwardToCnnPreProcessor(flat.getHeight(), flat.getWidth(), flat.getDepth());
        }
        return null;
    }

    @Override
    public void setNIn(InputType inputType, boolean override) {
        // no parameters
    }

    @Override
    public LayerMemoryReport getMemoryReport(InputType in) {
        InputType out = getOutputType(-1, in);
        return new LayerMemoryReport.Builder(layerName, MaxPool2x2Layer.class, in, out)
                .standardMemory(0, 0)
                .workingMemory(0, 0, 0, 0)
                .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
                .build();
    }

    @Override
    public MaxPool2x2Layer clone() {
        return (MaxPool2x2Layer) super.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MaxPool2x2Layer && super.equals(o);
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    /** DL4J-style builder: {@code new MaxPool2x2Layer.Builder().name("pool1").build()}. */
    public static class Builder extends Layer.Builder<Builder> {
        @Override
        @SuppressWarnings("unchecked")
        public MaxPool2x2Layer build() {
            return new MaxPool2x2Layer(this);
        }
    }
}
