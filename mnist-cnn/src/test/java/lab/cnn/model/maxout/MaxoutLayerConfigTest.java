package lab.cnn.model.maxout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.deeplearning4j.nn.params.EmptyParamInitializer;
import org.junit.jupiter.api.Test;

class MaxoutLayerConfigTest {

    private final MaxoutLayer maxout = new MaxoutLayer.Builder().pieces(2).name("mo").build();

    @Test
    void outputTypesDivideTheChannelOrFeatureAxis() {
        assertEquals(InputType.feedForward(5), maxout.getOutputType(0, InputType.feedForward(10)));
        assertEquals(InputType.convolutional(28, 28, 32),
                maxout.getOutputType(0, InputType.convolutional(28, 28, 64)));
        assertEquals(InputType.convolutional(6, 4, 3),
                maxout.getOutputType(0, InputType.convolutionalFlat(6, 4, 6)));
    }

    @Test
    void flatCnnInputIsReshapedToNchwFirst() {
        assertInstanceOf(FeedForwardToCnnPreProcessor.class,
                maxout.getPreProcessorForInputType(InputType.convolutionalFlat(6, 4, 6)));
        assertNull(maxout.getPreProcessorForInputType(InputType.convolutional(6, 4, 6)));
        assertNull(maxout.getPreProcessorForInputType(InputType.feedForward(6)));
    }

    @Test
    void rejectsBadSizesAndInputs() {
        assertThrows(IllegalStateException.class,
                () -> maxout.getOutputType(0, InputType.feedForward(7)));
        assertThrows(IllegalStateException.class, () -> maxout.getOutputType(0,
                InputType.convolutional(4, 4, 6, CNN2DFormat.NHWC)));
        assertThrows(IllegalStateException.class,
                () -> maxout.getOutputType(0, InputType.recurrent(6)));
        assertThrows(IllegalStateException.class, () -> new MaxoutLayer(1));
    }

    @Test
    void hasNoParametersAndReportsMemory() {
        assertEquals(EmptyParamInitializer.getInstance(), maxout.initializer());
        var regularization = maxout.getRegularizationByParam("W");
        assertTrue(regularization == null || regularization.isEmpty());
        LayerMemoryReport report = maxout.getMemoryReport(InputType.convolutional(4, 4, 6));
        assertEquals(0, report.getParameterSize());
        assertEquals(InputType.convolutional(4, 4, 3), report.getOutputType());
    }
}
