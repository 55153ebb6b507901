package lab.cnn.model;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.deeplearning4j.util.ConvolutionUtils;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A 2-D convolution for the <b>first layer of a {@code MultiLayerNetwork}</b>: the same
 * configuration, parameters, forward pass (DL4J's, with its oneDNN helper) and weight/bias
 * gradients as DL4J's {@link ConvolutionLayer}, but backprop does not compute the gradient with
 * respect to the layer's input. For layer 0 that is the gradient with respect to the network's
 * input, which {@code MultiLayerNetwork.calcBackpropGradients} throws away during training; DL4J
 * computes it anyway (oneDNN's {@code convolution backward_data}, or a gemm + col2im on the plain
 * path). See {@link InputConvolutionLayerImpl} for what backprop computes instead.
 *
 * <p>Valid only where that gradient is never needed, hence checked when the network is
 * initialised ({@link IllegalStateException} otherwise):
 * <ul>
 *   <li>the layer is layer 0 of a {@code MultiLayerNetwork} (in a {@code ComputationGraph} the
 *       index check means nothing: do not use it there);</li>
 *   <li>no dropout on its input ({@code dropOut(...)} on this layer, or inherited from the
 *       network's default).</li>
 * </ul>
 * Asking the network for the gradient with respect to its input ({@code
 * MultiLayerNetwork.backpropGradient}, {@code calculateGradients}) gives {@code null} with this
 * layer.
 *
 * <p>With flat input ({@code InputType.convolutionalFlat}) the layer installs
 * {@link InputConvolutionPreProcessor} instead of DL4J's {@code FeedForwardToCnnPreProcessor},
 * whose backprop would fail on the missing gradient. A {@code FeedForwardToCnnPreProcessor} set
 * by hand in front of this layer fails with a NullPointerException in backprop.
 *
 * <p>Drop-in for {@code new ConvolutionLayer.Builder(...)}: {@code new
 * InputConvolutionLayer.Builder(5, 5).nOut(32)...build()}. Public no-arg constructor and no
 * fields of its own, so DL4J's JSON (and {@code ModelSerializer}) restore it as it was.
 */
public class InputConvolutionLayer extends ConvolutionLayer {

    /** For JSON deserialisation only. */
    public InputConvolutionLayer() {
    }

    protected InputConvolutionLayer(Builder builder) {
        super(builder);
    }

    @Override
    public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
            Collection<TrainingListener> trainingListeners, int layerIndex, INDArray layerParamsView,
            boolean initializeParams, DataType networkDataType) {
        LayerValidation.assertNInNOutSet("InputConvolutionLayer", getLayerName(), layerIndex, getNIn(), getNOut());
        if (layerIndex != 0) {
            throw new IllegalStateException("InputConvolutionLayer \"" + getLayerName() + "\" is layer " + layerIndex
                    + ": it skips the gradient with respect to its input, so it must be layer 0 of a"
                    + " MultiLayerNetwork; use DL4J's ConvolutionLayer elsewhere");
        }
        if (getIDropout() != null) {
            throw new IllegalStateException("InputConvolutionLayer \"" + getLayerName() + "\" has dropout on its input ("
                    + getIDropout() + "): not supported; remove it or use DL4J's ConvolutionLayer");
        }
        InputConvolutionLayerImpl layer = new InputConvolutionLayerImpl(conf, networkDataType);
        layer.setListeners(trainingListeners);
        layer.setIndex(layerIndex);
        layer.setParamsViewArray(layerParamsView);
        Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
        layer.setParamTable(params);
        layer.setConf(conf);
        return layer;
    }

    /** As DL4J's, but flat input gets a preprocessor whose backprop accepts the missing gradient. */
    @Override
    public InputPreProcessor getPreProcessorForInputType(InputType inputType) {
        InputPreProcessor p = super.getPreProcessorForInputType(inputType);
        if (p != null && p.getClass() == FeedForwardToCnnPreProcessor.class) {
            FeedForwardToCnnPreProcessor f = (FeedForwardToCnnPreProcessor) p;
            return new InputConvolutionPreProcessor(f.getInputHeight(), f.getInputWidth(), f.getNumChannels());
        }
        return p;
    }

    @Override
    public InputConvolutionLayer clone() {
        return (InputConvolutionLayer) super.clone();
    }

    @Override
    protected boolean canEqual(Object other) {
        return other instanceof InputConvolutionLayer;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputConvolutionLayer && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 1;
    }

    @Override
    public String toString() {
        return "InputConvolutionLayer(" + super.toString() + ")";
    }

    /**
     * DL4J's {@code ConvolutionLayer.Builder}, building an {@link InputConvolutionLayer}. The
     * inherited fluent methods are typed {@code ConvolutionLayer.Builder}; {@code build()} still
     * returns this class.
     */
    public static class Builder extends ConvolutionLayer.Builder {

        public Builder(int[] kernelSize, int[] stride, int[] padding) {
            super(kernelSize, stride, padding);
        }

        public Builder(int[] kernelSize, int[] stride) {
            super(kernelSize, stride);
        }

        public Builder(int... kernelSize) {
            super(kernelSize);
        }

        public Builder() {
        }

        @Override
        @SuppressWarnings("unchecked")
        public InputConvolutionLayer build() {
            ConvolutionUtils.validateConvolutionModePadding(convolutionMode, padding);
            ConvolutionUtils.validateCnnKernelStridePadding(kernelSize, stride, padding);
            return new InputConvolutionLayer(this);
        }
    }
}
