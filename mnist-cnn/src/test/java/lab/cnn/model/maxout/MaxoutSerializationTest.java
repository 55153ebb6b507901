package lab.cnn.model.maxout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class MaxoutSerializationTest {

    @Test
    void configurationSurvivesJson() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .activation(Activation.IDENTITY)
                .list()
                .layer(new ConvolutionLayer.Builder(3, 3).nOut(6).build())
                .layer(new MaxoutLayer.Builder(3).name("channels").dropOut(0.8).build())
                .layer(new DenseLayer.Builder().nOut(8).build())
                .layer(new MaxoutLayer(2))
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX).nOut(3).build())
                .setInputType(InputType.convolutional(6, 6, 1))
                .build();
        String json = conf.toJson();
        assertTrue(json.contains(MaxoutLayer.class.getName()), json);
        MultiLayerConfiguration restored = MultiLayerConfiguration.fromJson(json);

        assertEquals(conf, restored);
        MaxoutLayer layer = assertInstanceOf(MaxoutLayer.class, restored.getConf(1).getLayer());
        assertEquals(3, layer.getPieces());
        assertEquals("channels", layer.getLayerName());
    }

    @Test
    void trainedModelSurvivesModelSerializer(@TempDir Path dir) throws IOException {
        MultiLayerNetwork net = tinyNet();
        INDArray x = Nd4j.rand(DataType.FLOAT, 5, 4);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 5, 2);
        for (int i = 0; i < 5; i++) {
            y.putScalar(i, i % 2, 1f);
        }
        for (int i = 0; i < 5; i++) {
            net.fit(x, y);
        }
        File file = dir.resolve("maxout.zip").toFile();
        ModelSerializer.writeModel(net, file, true);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(file, true);

        assertEquals(net.getLayerWiseConfigurations(), restored.getLayerWiseConfigurations());
        assertEquals(net.params(), restored.params());
        assertEquals(net.getUpdater().getStateViewArray(),
                restored.getUpdater().getStateViewArray());
        assertEquals(net.output(x), restored.output(x));
    }

    /** 4 -> dense 6 -> maxout 3 -> dense 4 -> dropout, maxout 2 -> softmax 2, Adam. */
    private static MultiLayerNetwork tinyNet() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
                .seed(7)
                .dataType(DataType.FLOAT)
                .updater(new Adam(1e-2))
                .activation(Activation.IDENTITY)
                .list()
                .layer(new DenseLayer.Builder().nOut(6).build())
                .layer(new MaxoutLayer(3))
                .layer(new DenseLayer.Builder().nOut(4).build())
                .layer(new MaxoutLayer.Builder(2).dropOut(0.9).build()) // dropout while fitting
                .layer(new OutputLayer.Builder(LossFunction.MCXENT)
                        .activation(Activation.SOFTMAX).nOut(2).build())
                .setInputType(InputType.feedForward(4))
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        return net;
    }
}
