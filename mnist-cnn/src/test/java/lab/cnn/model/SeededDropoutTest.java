package lab.cnn.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class SeededDropoutTest {
    private static float[] apply(SeededDropout dropout, int iteration) {
        INDArray input = Nd4j.ones(DataType.FLOAT, 50, 1024);
        INDArray result = Nd4j.create(DataType.FLOAT, 50, 1024);
        return dropout.applyDropout(input, result, iteration, 0, LayerWorkspaceMgr.noWorkspaces()).ravel().toFloatVector();
    }

    @Test
    void keepsAboutPOfTheUnitsScaledByOneOverP() {
        float[] out = apply(new SeededDropout(0.5, 1), 3);
        long kept = 0;
        for (float v : out) {
            assertTrue(v == 0f || v == 2f, "value " + v);
            kept += v == 2f ? 1 : 0;
        }
        assertEquals(0.5, kept / (double) out.length, 0.01);
    }

    @Test
    void maskDependsOnSeedAndIterationOnly() {
        assertArrayEquals(apply(new SeededDropout(0.5, 1), 3), apply(new SeededDropout(0.5, 1), 3), 0f);
        assertFalse(Arrays.equals(apply(new SeededDropout(0.5, 1), 3), apply(new SeededDropout(0.5, 1), 4)));
        assertFalse(Arrays.equals(apply(new SeededDropout(0.5, 1), 3), apply(new SeededDropout(0.5, 2), 3)));
    }

    @Test
    void backpropPassesGradientThroughKeptUnitsOnly() {
        SeededDropout dropout = new SeededDropout(0.25, 9);
        float[] forward = apply(dropout, 0);
        INDArray grad = Nd4j.ones(DataType.FLOAT, 50, 1024).muli(3);
        float[] back = dropout.backprop(grad, Nd4j.create(DataType.FLOAT, 50, 1024), 0, 0).ravel().toFloatVector();
        for (int i = 0; i < back.length; i++) {
            assertEquals(forward[i] * 3, back[i], 0f);
        }
    }
}
