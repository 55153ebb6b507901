package lab.cnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** JSON and ModelSerializer round trips of a network whose conv1 is an InputConvolutionLayer. */
class InputConvolutionSerializationTest {

    @Test
    void configurationSurvivesJson() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().list()
                .layer(new InputConvolutionLayer.Builder(5, 5).nOut(4).stride(1, 1)
                        .convolutionMode(ConvolutionMode.Same).activation(Activation.TANH)
                        .weightInit(new SeededWeightInit(WeightInitKind.RELU, 77)).name("conv1").build())
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).activation(Activation.SOFTMAX).nOut(3).build())
                .setInputType(InputType.convolutionalFlat(8, 8, 1)).build();
        String json = conf.toJson();
        assertTrue(json.contains(InputConvolutionLayer.class.getName()), json);
        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(json);
        assertEquals(conf, restored);
        InputConvolutionLayer layer = assertInstanceOf(InputConvolutionLayer.class, restored.getConf(0).getLayer());
        assertArrayEquals(new int[] {5, 5}, layer.getKernelSize());
        assertEquals(ConvolutionMode.Same, layer.getConvolutionMode());
        assertEquals(new SeededWeightInit(WeightInitKind.RELU, 77), layer.getWeightInitFn());
        assertEquals("conv1", layer.getLayerName());
        assertInstanceOf(InputConvolutionPreProcessor.class, restored.getInputPreProcess(0));
        // and the two layer classes are told apart
        assertNotEquals(conf, FirstLayerSwap.withDl4jLayer(conf));
        assertNotEquals(FirstLayerSwap.withDl4jLayer(conf).getConf(0).getLayer(), layer);
        assertNotEquals(layer, FirstLayerSwap.withDl4jLayer(conf).getConf(0).getLayer());
        assertEquals(ConvolutionLayer.class, FirstLayerSwap.withDl4jLayer(conf).getConf(0).getLayer().getClass());
    }

    @Test
    void trainedModelSurvivesModelSerializer(@TempDir Path dir) throws IOException {
        NetworkSpec spec = NetworkSpec.baseline(21).withLearningRate(1e-3).withDropoutKeep(1.0).withFcWidth(32);
        MultiLayerNetwork net = new MultiLayerNetwork(FirstLayerSwap.withInputLayer(DeepMnistNetwork.configuration(spec)));
        net.init();
        INDArray x = InputConvolutionLayerTest.batch(4, 784, 8);
        INDArray y = InputConvolutionLayerTest.oneHot(4, 9);
        for (int i = 0; i < 2; i++) {
            net.fit(x, y);
        }
        File file = dir.resolve("net.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);

        assertEquals(net.getLayerWiseConfigurations(), restored.getLayerWiseConfigurations());
        assertInstanceOf(InputConvolutionLayerImpl.class, restored.getLayer(0));
        assertInstanceOf(InputConvolutionPreProcessor.class, restored.getLayerWiseConfigurations().getInputPreProcess(0));
        assertEquals(net.params(), restored.params());
        assertEquals(net.getUpdater().getStateViewArray(), restored.getUpdater().getStateViewArray());
        assertEquals(net.output(x), restored.output(x));

        // and it goes on training exactly as the original
        net.fit(x, y);
        restored.fit(x, y);
        assertEquals(net.params(), restored.params());
        assertEquals(net.output(x), restored.output(x));
    }
}
