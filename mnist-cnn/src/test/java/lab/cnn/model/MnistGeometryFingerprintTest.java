package lab.cnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.CRC32;
import lab.cnn.data.ImageGeometry;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The network's input geometry comes from the dataset; for 28x28x1 / 10 classes it is the network
 * built before that change: the same parameter count and bit-identical initial parameters. The
 * CRC-32s of the initial parameter vectors were taken from the code before the change (c58829d).
 */
class MnistGeometryFingerprintTest {
    private static final long BASELINE_CRC = 1474348001L;
    private static final long MAXOUT_TRUNCNORMAL_CRC = 1412397499L;

    static long crcOfParams(MultiLayerNetwork net) {
        float[] params = net.params().toFloatVector();
        ByteBuffer bytes = ByteBuffer.allocate(params.length * 4);
        for (float p : params) {
            bytes.putInt(Float.floatToRawIntBits(p));
        }
        CRC32 crc = new CRC32();
        crc.update(bytes.array());
        return crc.getValue();
    }

    @Test
    void mnistGeometryGivesTheSameNetworkAsBefore() {
        MultiLayerNetwork net = DeepMnistNetwork.create(NetworkSpec.baseline(0), ImageGeometry.MNIST);
        assertEquals(3_274_634, net.numParams());
        assertEquals(BASELINE_CRC, crcOfParams(net));
        assertEquals(BASELINE_CRC, crcOfParams(DeepMnistNetwork.create(NetworkSpec.baseline(0))));
        MultiLayerNetwork maxout = DeepMnistNetwork.create(NetworkSpec.baseline(0)
                .withActivation(CnnActivation.MAXOUT).withWeightInit(WeightInitKind.TRUNCNORMAL), ImageGeometry.MNIST);
        assertEquals(6_539_018, maxout.numParams());
        assertEquals(MAXOUT_TRUNCNORMAL_CRC, crcOfParams(maxout));
    }

    @Test
    void colourImagesAndMoreClassesSizeTheInputAndOutputLayers() {
        // 32x32x3: conv1 5*5*3*32+32; two poolings leave 8x8x64 for fc1; 26 classes out
        MultiLayerNetwork net = DeepMnistNetwork.create(NetworkSpec.baseline(0), new ImageGeometry(32, 32, 3, 26));
        long[] expected = {2_432, 0, 51_264, 0, 8 * 8 * 64 * 1024 + 1024, 1024 * 26 + 26};
        assertArrayEquals(expected, Arrays.stream(net.getLayers()).mapToLong(l -> l.numParams()).toArray());
        assertEquals(3, ((ConvolutionLayer) net.getLayer(0).conf().getLayer()).getNIn());
        assertArrayEquals(new long[] {2, 26}, net.output(Nd4j.rand(DataType.FLOAT, 2, 32 * 32 * 3)).shape());
    }

    @Test
    void emnistLettersGeometryChangesOnlyTheOutputLayer() {
        MultiLayerNetwork net = DeepMnistNetwork.create(NetworkSpec.baseline(0), new ImageGeometry(28, 28, 1, 27));
        assertEquals(3_274_634 - 10_250 + 1024 * 27 + 27, net.numParams());
        assertArrayEquals(new long[] {3, 27}, net.output(Nd4j.rand(DataType.FLOAT, 3, 784)).shape());
    }

    @Test
    void sizesTheTwoPoolingsCannotHalveAreRefused() {
        assertTrue(DeepMnistNetwork.problem(new ImageGeometry(30, 28, 1, 10)).isPresent());
        assertTrue(DeepMnistNetwork.problem(new ImageGeometry(28, 28, 1, 10)).isEmpty());
    }
}
