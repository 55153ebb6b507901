package lab.cnn.model;

import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J's {@link FeedForwardToCnnPreProcessor} (flat [mb, c*h*w] input to [mb, c, h, w]) in front
 * of an {@link InputConvolutionLayer}. That layer returns no gradient with respect to its input
 * ({@code null}), and DL4J's preprocessor dereferences the gradient in backprop (a
 * NullPointerException); this one hands the {@code null} on. Everything else is DL4J's.
 */
public class InputConvolutionPreProcessor extends FeedForwardToCnnPreProcessor {

    @JsonCreator
    public InputConvolutionPreProcessor(@JsonProperty("inputHeight") long inputHeight,
            @JsonProperty("inputWidth") long inputWidth, @JsonProperty("numChannels") long numChannels) {
        super(inputHeight, inputWidth, numChannels);
    }

    @Override
    public INDArray backprop(INDArray epsilons, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        return epsilons == null ? null : super.backprop(epsilons, miniBatchSize, workspaceMgr);
    }

    @Override
    public InputConvolutionPreProcessor clone() {
        return (InputConvolutionPreProcessor) super.clone();
    }

    @Override
    protected boolean canEqual(Object other) {
        return other instanceof InputConvolutionPreProcessor;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InputConvolutionPreProcessor && super.equals(o);
    }

    @Override
    public int hashCode() {
        return 31 * super.hashCode() + 1;
    }

    @Override
    public String toString() {
        return "InputConvolutionPreProcessor(" + super.toString() + ")";
    }
}
