package lab.cnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The monitored (split) network computes exactly what the fused one does. */
class SplitNetworkTest {
    @ParameterizedTest
    @EnumSource(CnnActivation.class)
    void splitEqualsFused(CnnActivation activation) {
        NetworkSpec spec = NetworkSpec.baseline(3).withActivation(activation).withLeakyAlpha(0.1).withLearningRate(1e-3)
                .withFcWidth(64);
        MultiLayerNetwork fused = DeepMnistNetwork.create(spec);
        MultiLayerNetwork split = DeepMnistNetwork.createMonitored(spec);
        assertArrayEquals(fused.params().toFloatVector(), split.params().toFloatVector(), 0f, "same seeded weights");

        List<String> names = Arrays.stream(split.getLayers()).map(l -> l.conf().getLayer().getLayerName()).toList();
        List<String> expected = activation == CnnActivation.MAXOUT
                ? List.of("conv1", "conv1-maxout", "pool1", "conv2", "conv2-maxout", "pool2", "fc1", "fc1-maxout", "output")
                : List.of("conv1", "conv1-act", "pool1", "conv2", "conv2-act", "pool2", "fc1", "fc1-act", "output");
        assertEquals(expected, names);

        Nd4j.getRandom().setSeed(1);
        INDArray input = Nd4j.rand(DataType.FLOAT, 8, 784);
        assertArrayEquals(fused.output(input).ravel().toFloatVector(), split.output(input).ravel().toFloatVector(), 1e-6f);

        INDArray labels = Nd4j.zeros(DataType.FLOAT, 8, 10);
        for (int i = 0; i < 8; i++) {
            labels.putScalar(i, i, 1f);
        }
        for (int step = 0; step < 3; step++) {
            fused.fit(input, labels);
            split.fit(input, labels);
        }
        assertArrayEquals(fused.params().toFloatVector(), split.params().toFloatVector(), 1e-5f,
                "same training, dropout masks included");
    }
}
