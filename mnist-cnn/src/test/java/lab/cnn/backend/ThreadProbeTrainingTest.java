package lab.cnn.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** The thread probe trains a copy: the network it measured on trains afterwards exactly as without it. */
class ThreadProbeTrainingTest {
    @Test
    void probingLeavesTheNetworkAndItsTrainingUnchanged() {
        Nd4j.create(1);
        int before = NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        try {
            MultiLayerNetwork probed = SmallConvNet.create();
            MultiLayerNetwork untouched = probed.clone();
            DataSet probeBatch = SmallConvNet.batch(16, 99);
            float[] initial = probed.params().toFloatVector();

            Backend.ThreadChoice choice = Backend.chooseThreads(Backend.probeStep(probed, probeBatch));

            assertEquals("measured", choice.chosenBy());
            assertNotNull(choice.probe());
            assertTrue(choice.threads() >= 1 && choice.threads() <= CpuInfo.current().physicalCores());
            assertEquals(choice.threads(), NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads(),
                    "the chosen count is applied");
            assertEquals(choice, Backend.lastChoice().orElseThrow());
            assertArrayEquals(initial, probed.params().toFloatVector(), "parameters untouched");
            assertEquals(0, probed.getIterationCount(), "iteration count (dropout masks depend on it) untouched");

            Backend.setThreads(1); // the same count for both, so the same summation order
            for (int i = 0; i < 3; i++) {
                DataSet batch = SmallConvNet.batch(16, i);
                probed.fit(batch);
                untouched.fit(batch);
                assertEquals(untouched.score(), probed.score(), 0.0, "score after step " + i);
            }
            assertArrayEquals(untouched.params().toFloatVector(), probed.params().toFloatVector(),
                    "parameters after 3 steps");
            assertArrayEquals(untouched.getUpdater().getStateViewArray().toFloatVector(),
                    probed.getUpdater().getStateViewArray().toFloatVector(), "Adam's state after 3 steps");
        } finally {
            Backend.setThreads(before);
        }
    }
}
