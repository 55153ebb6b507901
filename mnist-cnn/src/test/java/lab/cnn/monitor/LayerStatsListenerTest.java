package lab.cnn.monitor;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Statistics of a tiny split network with known weights, against values worked out by hand. */
class LayerStatsListenerTest {
    @TempDir
    Path dir;

    /** fc1: 2 -> 2 identity, fc1-act: relu, output: 2 -> 2 softmax. */
    static MultiLayerNetwork tiny() {
        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().dataType(DataType.DOUBLE)
                .updater(new Sgd(0.1)).list()
                .layer(new DenseLayer.Builder().nIn(2).nOut(2).activation(Activation.IDENTITY).name("fc1").build())
                .layer(new ActivationLayer.Builder().activation(Activation.RELU).name("fc1-act").build())
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(2).nOut(2)
                        .activation(Activation.SOFTMAX).name("output").build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        net.getLayer(0).setParam("W", Nd4j.createFromArray(new double[][] {{1, -1}, {2, 0}}));
        net.getLayer(0).setParam("b", Nd4j.createFromArray(new double[][] {{0.5, -0.5}}));
        net.getLayer(2).setParam("W", Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}}));
        net.getLayer(2).setParam("b", Nd4j.createFromArray(new double[][] {{0, 0}}));
        return net;
    }

    @Test
    void statisticsEqualHandComputedValues() {
        // inputs (1, 1) and (0, -1): net input = x W + b = (3.5, -1.5) and (-1.5, -0.5)
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 1}, {0, -1}});
        Map<String, Map<String, Summary>> stats = LayerStatsListener.compute(tiny(), x);
        assertEquals(List.of("fc1", "output"), List.copyOf(stats.keySet()));

        Summary w = stats.get("fc1").get("W"); // 1, -1, 2, 0
        assertEquals(4, w.count());
        assertEquals(-1, w.min(), 0);
        assertEquals(2, w.max(), 0);
        assertEquals(0.5, w.mean(), 1e-12);
        assertEquals(Math.sqrt((0.25 + 2.25 + 2.25 + 0.25) / 4), w.std(), 1e-12);
        assertEquals(0.5, w.percentiles()[4], 1e-12); // median of -1, 0, 1, 2

        Summary z = stats.get("fc1").get("net_input"); // 3.5, -1.5, -1.5, -0.5
        assertEquals(-1.5, z.min(), 1e-12);
        assertEquals(3.5, z.max(), 1e-12);
        assertEquals(0.0, z.mean(), 1e-12);
        Summary a = stats.get("fc1").get("activation"); // relu: 3.5, 0, 0, 0
        assertEquals(0.875, a.mean(), 1e-12);
        assertEquals(Math.sqrt((3 * 0.875 * 0.875 + 2.625 * 2.625) / 4), a.std(), 1e-12);
        assertArrayEquals(new long[] {3, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}, a.histogram());

        // output net input = relu(z) I + 0 = (3.5, 0), (0, 0); softmax rows sum to 1
        Summary logits = stats.get("output").get("net_input");
        assertEquals(3.5, logits.max(), 1e-12);
        assertEquals(0.875, logits.mean(), 1e-12);
        Summary softmax = stats.get("output").get("activation");
        assertEquals(0.5, softmax.mean(), 1e-7); // summaries are of float values
        assertEquals(1 / (1 + Math.exp(-3.5)), softmax.max(), 1e-7);
    }

    @Test
    void writesOneRowPerLayerAndQuantityEveryNIterations() throws Exception {
        MultiLayerNetwork net = tiny();
        INDArray x = Nd4j.createFromArray(new double[][] {{1, 1}, {0, -1}});
        INDArray y = Nd4j.createFromArray(new double[][] {{1, 0}, {0, 1}});
        Path csv = dir.resolve("layer-stats.csv");
        try (LayerStatsListener listener = new LayerStatsListener(x, 5, 10.0, csv)) {
            net.addListeners(listener);
            for (int i = 0; i < 12; i++) {
                net.fit(x, y);
            }
        }
        List<String> lines = Files.readAllLines(csv);
        assertEquals(LayerStatsListener.HEADER, lines.get(0));
        assertEquals(1 + 2 * 8, lines.size()); // iterations 5 and 10; fc1 4 quantities + output 4
        assertTrue(lines.get(1).startsWith("5,0.50000,fc1,W,4,"), lines.get(1));
        assertTrue(lines.get(9).startsWith("10,1.00000,fc1,W,"), lines.get(9));
        assertEquals(21, lines.get(1).split(",").length);
    }
}
