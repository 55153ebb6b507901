package lab.cnn.model.pool;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import lab.cnn.backend.Backend;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Java pooling computes exactly what DL4J's SubsamplingLayer (MAX, 2x2, stride 2) computes. */
class MaxPool2x2LayerTest {
    private static final LayerWorkspaceMgr NO_WORKSPACES = LayerWorkspaceMgr.noWorkspaces();

    @AfterEach
    void restore() {
        Backend.setOneDnn(true);
        Backend.setThreads(1);
    }

    @ParameterizedTest
    @CsvSource({"FLOAT, true, 1", "FLOAT, false, 1", "FLOAT, true, 2", "DOUBLE, false, 1"})
    void sameForwardAndBackwardAsDl4j(DataType type, boolean onednn, int threads) {
        Backend.setOneDnn(onednn);
        Backend.setThreads(threads);
        Layer ours = layer(new MaxPool2x2Layer.Builder().build(), type, 16, 14);
        Layer dl4j = layer(new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
                .build(), type, 16, 14);
        java.util.Random random = new java.util.Random(7); // ND4J's generator ignores seeds
        INDArray input = random(random, type, 50, 16, 14, 14); // 39,200 windows: enough for threads
        INDArray epsilon = random(random, type, 50, 16, 7, 7);

        ours.setInput(input, NO_WORKSPACES);
        dl4j.setInput(input, NO_WORKSPACES);
        assertEquals(dl4j.activate(true, NO_WORKSPACES), ours.activate(true, NO_WORKSPACES));
        assertEquals(dl4j.backpropGradient(epsilon, NO_WORKSPACES).getSecond(),
                ours.backpropGradient(epsilon, NO_WORKSPACES).getSecond());
    }

    @Test
    void knownWindowsAndTiesGoToTheFirstMaximum() {
        Layer ours = layer(new MaxPool2x2Layer.Builder().build(), DataType.FLOAT, 1, 4);
        INDArray input = Nd4j.create(new float[] {
            1, 2, 5, 5,
            3, 0, 5, 5,
            -1, -2, 0, 0,
            -3, -4, 0, 7}, new long[] {1, 1, 4, 4}, 'c');
        ours.setInput(input, NO_WORKSPACES);
        assertArrayEquals(new float[] {3, 5, -1, 7}, ours.activate(false, NO_WORKSPACES).data().asFloat());
        INDArray gradient = ours.backpropGradient(Nd4j.create(new float[] {10, 20, 30, 40}, new long[] {1, 1, 2, 2}, 'c'),
                NO_WORKSPACES).getSecond();
        assertArrayEquals(new float[] {
            0, 0, 20, 0,
            10, 0, 0, 0,
            30, 0, 0, 0,
            0, 0, 0, 40}, gradient.data().asFloat());
    }

    @Test
    void oddSizesAreRefusedByName() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new MaxPool2x2Layer.Builder().name("pool9").build().getOutputType(0, InputType.convolutional(7, 8, 3)));
        assertEquals("max pooling layer \"pool9\" (2x2, stride 2) needs an even height and width, got "
                + InputType.convolutional(7, 8, 3), e.getMessage());
    }

    @Test
    void configurationSurvivesJson() {
        MultiLayerConfiguration conf = configuration(new MaxPool2x2Layer.Builder().name("pool1").build(), DataType.FLOAT, 2, 8);
        assertEquals(conf, MultiLayerConfiguration.fromJson(conf.toJson()));
    }

    private static INDArray random(java.util.Random random, DataType type, long... shape) {
        double[] values = new double[(int) java.util.Arrays.stream(shape).reduce(1, (a, b) -> a * b)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return Nd4j.create(values, shape, 'c').castTo(type);
    }

    private static Layer layer(org.deeplearning4j.nn.conf.layers.Layer pool, DataType type, int channels, int size) {
        MultiLayerNetwork net = new MultiLayerNetwork(configuration(pool, type, channels, size));
        net.init();
        return net.getLayer(0);
    }

    private static MultiLayerConfiguration configuration(org.deeplearning4j.nn.conf.layers.Layer pool, DataType type,
                                                         int channels, int size) {
        return new NeuralNetConfiguration.Builder().dataType(type).list()
                .layer(pool)
                .layer(new OutputLayer.Builder().nOut(2).build())
                .setInputType(InputType.convolutional(size, size, channels)).build();
    }
}
