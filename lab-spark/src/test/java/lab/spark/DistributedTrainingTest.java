package lab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.cnn.experiment.CnnData;
import lab.cnn.experiment.CnnExperiment;
import lab.cnn.experiment.CnnImages;
import lab.cnn.experiment.CnnRunner;
import lab.cnn.model.DeepMnistNetwork;
import lab.cnn.train.CheckpointStore;
import lab.cnn.train.Schedule;
import lab.cnn.train.TrainingRun;
import lab.cnn.train.TrainingState;
import lab.spark.distributed.GradientSharing;
import lab.spark.distributed.ParameterAveraging;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import lab.core.kind.RunContext;
import lab.core.UserError;
import lab.core.engine.Engine;
import lab.core.io.Json;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code distributed:} on local[2], both modes: two epochs on 1,000 images write what a local run
 * writes and learn. Not the accuracy claim of docs/cluster.md: with parameter averaging, on 20
 * mini-batches an epoch each worker makes only 10 updates, half the single run's (measured: 0.81
 * against 0.90), a gap that closes on full epochs; gradient sharing sends only part of each update
 * on so few mini-batches. Checkpoints at epoch ends resume (parameter averaging bit for bit), and
 * the one-line errors.
 */
class DistributedTrainingTest {
    private static final String NET = """
                kind: cnn
                learning_rate: 1.0e-3
                train_images: 1000
                validation_images: 500
                test_images: 500
                epochs: 2
                monitor_every: 0
                checkpoint_every: 0
            """;
    private static final String YAML = "experiments:\n  single:\n" + NET + "  averaged:\n" + NET
            + "    distributed: {mode: parameter-averaging, workers: 2, averaging_frequency: 5}\n"
            + "  shared:\n" + NET + "    distributed: {mode: gradient-sharing, workers: 2}\n";

    @TempDir
    Path dir;

    @BeforeAll
    static void localTwo() {
        System.setProperty("spark.master", "local[2]");
    }

    @AfterAll
    static void stop() {
        SparkContexts.stop();
        System.clearProperty("spark.master");
    }

    @Test
    void parameterAveragingWritesWhatALocalRunWrites() throws Exception {
        RunContext ctx = Runs.context(dir, YAML);
        CnnRunner.run("single", (CnnExperiment) ctx.experiments().get("single"), ctx);
        CnnRunner.run("averaged", (CnnExperiment) ctx.experiments().get("averaged"), ctx);
        JsonNode single = Json.mapper().readTree(ctx.resultsDir().resolve("cnn/single/metrics.json").toFile());
        JsonNode averaged = Json.mapper().readTree(ctx.resultsDir().resolve("cnn/averaged/metrics.json").toFile());
        assertTrue(single.get("config").get("distributed") == null, "a local run's config stays as it was");
        assertEquals(2, averaged.at("/config/distributed/workers").asInt());
        assertEquals(2, averaged.at("/curves/eval").size(), "an evaluation per epoch");
        assertEquals(single.get("iterations").asLong(), averaged.get("iterations").asLong());
        for (String file : new String[] {"loss.csv", "eval.csv", "metrics.json"}) {
            assertTrue(Files.isRegularFile(ctx.resultsDir().resolve("cnn/averaged").resolve(file)), file);
        }
        ModelSerializer.restoreMultiLayerNetwork(ctx.runsDir().resolve("averaged/model.zip").toFile(), true);
        double a = single.get("test_accuracy").asDouble();
        double b = averaged.get("test_accuracy").asDouble();
        assertTrue(b > 0.6 && b > a - 0.2, "parameter averaging learns: single " + a + ", averaged " + b);
    }

    /**
     * {@code distributed: {mode: gradient-sharing, workers: 2}}: the same files as a local run, and it
     * learns: far above chance (0.1) on the 500 test images after two epochs on 1,000, the loss well
     * below guessing's ln 10. Slower per epoch than parameter averaging (measured: test accuracy 0.58
     * and 0.62 against 0.81): the adaptive threshold sends at most about 1 % of the update's entries
     * per mini-batch, and 40 mini-batches are few.
     */
    @Test
    void gradientSharingLearnsAndWritesWhatALocalRunWrites() throws Exception {
        RunContext ctx = Runs.context(dir, YAML);
        CnnRunner.run("shared", (CnnExperiment) ctx.experiments().get("shared"), ctx);
        Path results = ctx.resultsDir().resolve("cnn/shared");
        JsonNode shared = Json.mapper().readTree(results.resolve("metrics.json").toFile());
        assertEquals("gradient-sharing", shared.at("/config/distributed/mode").asText());
        assertEquals(2, shared.at("/config/distributed/workers").asInt());
        assertEquals(1e-4, shared.at("/config/distributed/threshold").asDouble());
        assertTrue(shared.at("/config/distributed/averaging_frequency").isMissingNode(), shared.toString());
        assertEquals(40, shared.get("iterations").asLong(), "two epochs of 20 mini-batches");
        assertEquals(2, shared.at("/curves/eval").size(), "an evaluation per epoch");
        for (String file : new String[] {"loss.csv", "eval.csv", "metrics.json"}) {
            assertTrue(Files.isRegularFile(results.resolve(file)), file);
        }
        ModelSerializer.restoreMultiLayerNetwork(ctx.runsDir().resolve("shared/model.zip").toFile(), true);
        double accuracy = shared.get("test_accuracy").asDouble();
        double loss = shared.at("/curves/loss/1/loss").asDouble();
        assertTrue(accuracy > 0.3 && loss < 2.0, "gradient sharing learns: test accuracy " + accuracy
                + " (chance: 0.1), loss after epoch 2 " + loss + " (guessing: 2.3)");
    }

    /**
     * A gradient-sharing run resumed from the checkpoint of its first epoch trains the second from
     * there (not bit for bit as the uninterrupted run: the messages' timing varies). 200 images.
     */
    @Test
    void gradientSharingResumesFromAnEpochsCheckpoint() throws Exception {
        RunContext ctx = Runs.context(dir, YAML);
        CnnExperiment spec = ((CnnExperiment) ctx.experiments().get("shared")).toBuilder().trainImages(200)
                .validationImages(100).testImages(100).build();
        CheckpointStore store = new CheckpointStore(dir.resolve("checkpoints"), 2, Json.mapper().createObjectNode());
        CnnData data = data(spec, ctx);
        int perEpoch = data.train().batchesPerEpoch();
        Schedule schedule = new Schedule(2L * perEpoch, perEpoch, 10);
        MultiLayerNetwork net = DeepMnistNetwork.create(spec.networkSpec(), data.geometry());
        TrainingRun whole = new GradientSharing().train("whole", net, spec, data, schedule, TrainingState.start(),
                store);
        assertEquals(2, whole.evals().size());

        CheckpointStore.Restored after1 = store.newest().orElseThrow();
        assertEquals(perEpoch, after1.state().iteration(), "one checkpoint, after the first of two epochs");
        INDArray atCheckpoint = after1.net().params().dup();
        TrainingRun resumed = new GradientSharing().train("resumed", after1.net(), spec, data(spec, ctx), schedule,
                after1.state().resumed(), null);
        assertEquals(List.of((long) perEpoch), resumed.resumedAt());
        assertEquals(2L * perEpoch, resumed.iterations());
        assertEquals(whole.loss().get(0), resumed.loss().get(0), "the first epoch's point comes from the checkpoint");
        assertEquals(2, resumed.evals().size());
        assertNotEquals(atCheckpoint, after1.net().params(), "the second epoch trained the restored network");
    }

    /** A run resumed from the checkpoint of its first epoch ends exactly where the uninterrupted run ends. */
    @Test
    void aCheckpointAtAnEpochsEndResumesTheSameRun() throws Exception {
        RunContext ctx = Runs.context(dir, YAML);
        CnnExperiment spec = (CnnExperiment) ctx.experiments().get("averaged");
        CheckpointStore store = new CheckpointStore(dir.resolve("checkpoints"), 2, Json.mapper().createObjectNode());
        CnnData data = data(spec, ctx);
        int perEpoch = data.train().batchesPerEpoch();
        Schedule schedule = new Schedule(2L * perEpoch, perEpoch, 10);
        MultiLayerNetwork net = DeepMnistNetwork.create(spec.networkSpec(), data.geometry());
        TrainingRun whole = new ParameterAveraging().train("whole", net, spec, data, schedule, TrainingState.start(),
                store);

        CheckpointStore.Restored after1 = store.newest().orElseThrow();
        assertEquals(perEpoch, after1.state().iteration(), "one checkpoint, after the first of two epochs");
        TrainingRun resumed = new ParameterAveraging().train("resumed", after1.net(), spec, data(spec, ctx), schedule,
                after1.state().resumed(), null);
        assertEquals(whole.loss(), resumed.loss());
        assertEquals(whole.evals().stream().map(e -> List.of(e.valAccuracy(), e.testAccuracy())).toList(),
                resumed.evals().stream().map(e -> List.of(e.valAccuracy(), e.testAccuracy())).toList());
        assertEquals(List.of((long) perEpoch), resumed.resumedAt());
        assertEquals(net.params(), after1.net().params(), "the same parameters at the end");
    }

    private static CnnData data(CnnExperiment spec, RunContext ctx) {
        CnnImages images = CnnImages.load("averaged", spec, ctx);
        return new CnnData(images.name(), images.source(), images.geometry(), images.train(spec),
                images.validation(), images.test());
    }

    @Test
    void badValuesAreOneLineNamingTheKey() throws Exception {
        UserError workers = assertThrows(UserError.class, () -> Runs.context(dir,
                "experiments:\n  x:\n" + NET + "    distributed: {workers: 0}\n"));
        assertTrue(workers.getMessage().contains("workers: must be >= 1, got 0"), workers.getMessage());
        UserError mode = assertThrows(UserError.class, () -> Runs.context(dir,
                "experiments:\n  x:\n" + NET + "    distributed: {mode: ring}\n"));
        assertTrue(mode.getMessage().contains("mode: unknown value 'ring' (allowed: parameter-averaging, "
                + "gradient-sharing)"), mode.getMessage());
        UserError threshold = assertThrows(UserError.class, () -> Runs.context(dir,
                "experiments:\n  x:\n" + NET + "    distributed: {mode: gradient-sharing, threshold: 2}\n"));
        assertTrue(threshold.getMessage().contains("threshold: must be > 0 and < 1"), threshold.getMessage());
        UserError otherMode = assertThrows(UserError.class, () -> Runs.context(dir,
                "experiments:\n  x:\n" + NET + "    distributed: {mode: gradient-sharing, averaging_frequency: 5}\n"));
        assertTrue(otherMode.getMessage().contains("averaging_frequency: only applies with mode parameter-averaging"),
                otherMode.getMessage());
        UserError engine = assertThrows(UserError.class, () -> Runs.context(dir,
                "experiments:\n  s:\n    kind: cnn-suite\n    runs: [s]\n    engine: sparkk\n"));
        assertTrue(engine.getMessage().contains("engine: unknown value 'sparkk' (allowed: local, spark)"),
                engine.getMessage());
        System.setProperty(Engine.PROPERTY, "sparkk");
        try {
            UserError property = assertThrows(UserError.class, () -> Engine.chosen(null));
            assertEquals("-Dengine=sparkk: unknown engine (allowed: local, spark)", property.getMessage());
        } finally {
            System.clearProperty(Engine.PROPERTY);
        }
    }
}
