package lab.cnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.data.ImageSplit;
import lab.cnn.model.DeepMnistNetwork;
import lab.core.io.Json;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checkpoints on synthetic images with a small network: what is saved reads back exactly, a
 * resumed training equals an uninterrupted one bit for bit, damaged or foreign checkpoints are
 * skipped, only the newest are kept, and a stop request ends training at a checkpoint.
 */
class CheckpointResumeTest {
    private static final ImageSplit SPLIT = CnnTrainerTest.syntheticSplit(200, 1);
    private static final Schedule SCHEDULE = new Schedule(30, 10, 2);
    private static final JsonNode CONFIG = Json.mapper().createObjectNode().put("learning_rate", 1e-3).put("seed", 0L);

    @TempDir
    Path dir;

    private static MultiLayerNetwork network() {
        return DeepMnistNetwork.create(CnnTrainerTest.baseline(1e-3));
    }

    /** 10 iterations per epoch (batch 20 of 200 images); 30 iterations = 3 epochs. */
    private static TrainingRun train(MultiLayerNetwork net, CnnTrainer trainer, TrainingState from) {
        return trainer.train(net, ImageDataSetIterator.shuffled(SPLIT, 20, 10, 7),
                ImageDataSetIterator.inOrder(SPLIT, 100, 10), ImageDataSetIterator.inOrder(SPLIT, 100, 10),
                SPLIT.size(), from);
    }

    @Test
    void resumedTrainingEqualsUninterruptedTrainingBitForBit() {
        MultiLayerNetwork straight = network();
        TrainingRun reference = train(straight, new CnnTrainer("straight", SCHEDULE), TrainingState.start());

        // Stopped after iteration 13 (mid-epoch 2), with checkpoints every 4 iterations and at epoch ends.
        CheckpointStore store = new CheckpointStore(dir.resolve("checkpoints"), 2, CONFIG);
        StopRequest stop = StopRequest.never();
        MultiLayerNetwork first = network();
        first.addListeners(new org.deeplearning4j.optimize.api.BaseTrainingListener() {
            @Override
            public void iterationDone(org.deeplearning4j.nn.api.Model model, int iteration, int epoch) {
                if (iteration + 1 == 13) {
                    stop.request();
                }
            }
        });
        TrainingRun interrupted = train(first, new CnnTrainer("first", SCHEDULE).checkpoints(store, 4, 10).stopOn(stop),
                TrainingState.start());
        assertTrue(interrupted.interrupted());
        assertEquals(13, interrupted.iterations());
        assertEquals(List.of("iter-000000013", "iter-000000012"),
                store.checkpoints().stream().map(p -> p.getFileName().toString()).toList(), "the newest 2 kept");

        CheckpointStore.Restored restored = store.newest().orElseThrow();
        assertEquals(13, restored.state().iteration());
        assertEquals(1, restored.state().epoch());
        assertEquals(3, restored.state().batch());
        assertArrayEquals(first.params().toFloatVector(), restored.net().params().toFloatVector());
        assertArrayEquals(first.getUpdater().getStateViewArray().toFloatVector(),
                restored.net().getUpdater().getStateViewArray().toFloatVector());
        assertEquals(13, restored.net().getIterationCount());

        TrainingRun resumed = train(restored.net(), new CnnTrainer("resumed", SCHEDULE).checkpoints(store, 4, 10),
                restored.state().resumed());
        assertFalse(resumed.interrupted());
        assertEquals(reference.loss(), resumed.loss());
        assertEquals(reference.evals().stream().map(e -> List.of(e.valAccuracy(), e.testAccuracy())).toList(),
                resumed.evals().stream().map(e -> List.of(e.valAccuracy(), e.testAccuracy())).toList());
        assertArrayEquals(straight.params().toFloatVector(), restored.net().params().toFloatVector());
        assertEquals(List.of(13L), resumed.resumedAt());
        assertEquals(reference.images(), resumed.images());
    }

    @Test
    void damagedNewestCheckpointFallsBackToTheOneBefore() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, 3, CONFIG);
        MultiLayerNetwork net = network();
        train(net, new CnnTrainer("a", new Schedule(9, 100, 1)).checkpoints(store, 4, 100), TrainingState.start());
        assertEquals(2, store.checkpoints().size()); // 4 and 8; none at the last iteration (results follow)

        Path newest = dir.resolve("iter-000000008");
        Path model = newest.resolve(CheckpointStore.MODEL);
        byte[] bytes = Files.readAllBytes(model);
        Files.write(model, java.util.Arrays.copyOf(bytes, bytes.length / 2)); // a torn write
        assertEquals(4, store.newest().orElseThrow().state().iteration());

        Files.writeString(dir.resolve("iter-000000004").resolve(CheckpointStore.STATE), "{\"format\": 1, \"sta");
        assertEquals(Optional.empty(), store.newest().map(r -> r.state().iteration()));
    }

    @Test
    void checkpointOfAnotherConfigurationIsNotResumed() {
        CheckpointStore store = new CheckpointStore(dir, 2, CONFIG);
        train(network(), new CnnTrainer("a", new Schedule(5, 100, 1)).checkpoints(store, 4, 100), TrainingState.start());
        assertTrue(store.newest().isPresent());

        ObjectNode changed = CONFIG.deepCopy();
        changed.put("learning_rate", 1e-2);
        assertTrue(new CheckpointStore(dir, 2, changed).newest().isEmpty());
        // The same configuration with an int where a long was written (as it reads back) still matches.
        assertTrue(new CheckpointStore(dir, 2, Json.mapper().createObjectNode().put("learning_rate", 1e-3)
                .put("seed", 0)).newest().isPresent());
    }

    @Test
    void leftoversOfAnInterruptedWriteAreIgnoredAndCleared() throws Exception {
        CheckpointStore store = new CheckpointStore(dir, 2, CONFIG);
        Files.createDirectories(dir.resolve(".iter-000000099.12345.tmp"));
        Files.writeString(dir.resolve(".iter-000000099.12345.tmp").resolve(CheckpointStore.STATE), "{");
        assertTrue(store.newest().isEmpty());
        train(network(), new CnnTrainer("a", new Schedule(5, 100, 1)).checkpoints(store, 4, 100), TrainingState.start());
        assertFalse(Files.exists(dir.resolve(".iter-000000099.12345.tmp")), "stale temporary directory removed");
        assertEquals(4, store.newest().orElseThrow().state().iteration());
        store.clear();
        assertFalse(Files.exists(dir));
    }

    @Test
    void aReplacementKilledBetweenItsRenamesLeavesTheOldCheckpointReadable() {
        CheckpointStore store = new CheckpointStore(dir, 2, CONFIG);
        MultiLayerNetwork old = network();
        TrainingState at7 = new TrainingState(7, 140, 0, 7, 0, 0, List.of(), List.of(), List.of(), null);
        store.save(old, at7);
        MultiLayerNetwork fresh = network();
        fresh.params().addi(1);

        store.betweenRenames = () -> {
            throw new IllegalStateException("killed");
        };
        org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class, () -> store.save(fresh, at7));
        CheckpointStore.Restored survivor = store.newest().orElseThrow(() -> new AssertionError("no checkpoint left"));
        assertArrayEquals(old.params().toFloatVector(), survivor.net().params().toFloatVector());

        store.betweenRenames = () -> {
        };
        store.save(fresh, at7);
        assertArrayEquals(fresh.params().toFloatVector(), store.newest().orElseThrow().net().params().toFloatVector());
        assertEquals(List.of("iter-000000007"), store.checkpoints().stream().map(p -> p.getFileName().toString()).toList(),
                "the aside copy is gone once the replacement is in place");
    }

    @Test
    void aCheckpointThatCannotBeWrittenStopsTheRunWithOneLine() throws Exception {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        CheckpointStore store = new CheckpointStore(notADirectory.resolve("checkpoints"), 2, CONFIG);
        lab.core.UserError e = org.junit.jupiter.api.Assertions.assertThrows(lab.core.UserError.class,
                () -> train(network(), new CnnTrainer("a", new Schedule(9, 100, 1)).checkpoints(store, 4, 100),
                        TrainingState.start()));
        assertTrue(e.getMessage().startsWith(notADirectory.resolve("checkpoints").resolve("iter-000000004")
                + ": cannot write a checkpoint"), e.getMessage());
    }

    @Test
    void stopWithoutCheckpointsSaysSo() {
        StopRequest stop = StopRequest.never();
        stop.request();
        TrainingRun run = train(network(), new CnnTrainer("a", SCHEDULE).stopOn(stop), TrainingState.start());
        assertTrue(run.interrupted());
        assertEquals(1, run.iterations());
    }
}
