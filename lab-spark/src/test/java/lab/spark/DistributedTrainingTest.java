package lab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.cnn.experiment.CnnExperiment;
import lab.cnn.experiment.CnnRunner;
import lab.core.RunContext;
import lab.core.UserError;
import lab.core.engine.Engine;
import lab.core.io.Json;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code distributed: {workers: 2, averaging_frequency: 5}} on local[2]: two epochs on 1,000
 * images write what a local run writes and learn. Not the accuracy claim of docs/cluster.md: on 20
 * mini-batches an epoch each worker makes only 10 updates, half the single run's (measured: 0.79
 * against 0.90), a gap that closes on full epochs. Also the one-line errors.
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
            + "    distributed: {mode: parameter-averaging, workers: 2, averaging_frequency: 5}\n";

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

    @Test
    void badValuesAreOneLineNamingTheKey() throws Exception {
        UserError workers = assertThrows(UserError.class, () -> Runs.context(dir,
                "experiments:\n  x:\n" + NET + "    distributed: {workers: 0}\n"));
        assertTrue(workers.getMessage().contains("workers: must be >= 1, got 0"), workers.getMessage());
        UserError mode = assertThrows(UserError.class, () -> Runs.context(dir,
                "experiments:\n  x:\n" + NET + "    distributed: {mode: ring}\n"));
        assertTrue(mode.getMessage().contains("mode: unknown value 'ring' (allowed: parameter-averaging, "
                + "gradient-sharing)"), mode.getMessage());
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
