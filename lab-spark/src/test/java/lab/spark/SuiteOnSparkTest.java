package lab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.cnn.experiment.CnnSuite;
import lab.cnn.experiment.CnnSuiteRunner;
import lab.core.kind.RunContext;
import lab.core.UserError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A two-member suite (two seeds of one tiny experiment, so both members carry a seed) on Spark
 * local[2] against the same suite run locally: every figure the same, only timings differ.
 */
class SuiteOnSparkTest {
    private static final String YAML = """
            experiments:
              tiny:
                kind: cnn
                learning_rate: 1.0e-3
                train_images: 200
                validation_images: 100
                test_images: 100
                iterations: 4
                monitor_every: 0
              missing:
                kind: cnn
                dataset: {type: idx, path: nowhere, classes: 10}
                iterations: 4
                monitor_every: 0
              seeds-local:
                kind: cnn-suite
                runs: [tiny]
                seeds: [0, 1]
              seeds-spark:
                kind: cnn-suite
                runs: [tiny]
                seeds: [0, 1]
                engine: spark
              half-broken:
                kind: cnn-suite
                runs: [tiny, missing]
                engine: spark
            """;

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
    void membersOnSparkComputeWhatTheyComputeLocally() throws Exception {
        RunContext local = Runs.context(dir, YAML);
        RunContext spark = Runs.elsewhere(local, dir.resolve("spark"));
        assertEquals(0, CnnSuiteRunner.run("seeds-local", suite(local, "seeds-local"), local).size() - 2);
        CnnSuiteRunner.run("seeds-spark", suite(spark, "seeds-spark"), spark);

        for (String member : new String[] {"tiny", "tiny-seed1"}) {
            Path a = local.resultsDir().resolve("cnn").resolve(member);
            Path b = spark.resultsDir().resolve("cnn").resolve(member);
            assertEquals(Files.readString(a.resolve("loss.csv")), Files.readString(b.resolve("loss.csv")), member);
            assertEquals(Runs.csvWithout(a.resolve("eval.csv"), "train_seconds"),
                    Runs.csvWithout(b.resolve("eval.csv"), "train_seconds"), member);
            var ma = Runs.withoutTimings(a.resolve("metrics.json"));
            var mb = Runs.withoutTimings(b.resolve("metrics.json"));
            assertEquals(ma.get("command").asText().replace("seeds-local", "X"),
                    mb.get("command").asText().replace("seeds-spark", "X"));
            ((com.fasterxml.jackson.databind.node.ObjectNode) ma).remove("command");
            ((com.fasterxml.jackson.databind.node.ObjectNode) mb).remove("command");
            assertEquals("runs/" + member + "/model.zip", ma.get("model").asText());
            assertEquals("spark/runs/" + member + "/model.zip", mb.get("model").asText(),
                    "metrics.json names where the driver put the model, not the task's scratch space");
            ((com.fasterxml.jackson.databind.node.ObjectNode) ma).remove("model");
            ((com.fasterxml.jackson.databind.node.ObjectNode) mb).remove("model");
            assertEquals(ma, mb, member);
            Runs.sameParameters(local.runsDir().resolve(member).resolve("model.zip"),
                    spark.runsDir().resolve(member).resolve("model.zip"));
        }
    }

    @Test
    void aFailedMemberIsReportedAndTheOtherStillWritten() throws Exception {
        RunContext ctx = Runs.context(dir, YAML);
        UserError e = assertThrows(UserError.class, () -> CnnSuiteRunner.run("half-broken",
                suite(ctx, "half-broken"), ctx));
        assertTrue(e.getMessage().startsWith("half-broken: 1 of 2 member(s) failed: missing: "), e.getMessage());
        assertTrue(e.getMessage().contains("nowhere"), e.getMessage());
        assertTrue(Files.isRegularFile(ctx.resultsDir().resolve("cnn/tiny/metrics.json")));
        assertTrue(Files.isRegularFile(ctx.runsDir().resolve("tiny/model.zip")));
    }

    private static CnnSuite suite(RunContext ctx, String name) {
        return (CnnSuite) ctx.experiments().get(name);
    }
}
