package lab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import lab.cnn.search.CnnSearch;
import lab.cnn.search.CnnSearchRunner;
import lab.core.kind.RunContext;
import lab.mlp.search.MlpSearch;
import lab.mlp.search.MlpSearchRunner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cnn search (a grid with a diverging candidate) and a random mlp search on Spark local[2],
 * against the same searches run locally: same candidates, scores, ranks, failures, winner and
 * winner's model; only the seconds differ.
 */
class SearchOnSparkTest {
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
              tiny-sgd:
                kind: cnn
                updater: sgd
                learning_rate: 0.05
                train_images: 200
                validation_images: 100
                test_images: 100
                iterations: 8
                monitor_every: 0
              grid-local:
                kind: search
                base: tiny-sgd
                generator: grid
                parameters:
                  learning_rate: {values: [0.05, 1.0e+6]}
                  activation: [relu, tanh]
              grid-spark:
                kind: search
                base: tiny-sgd
                generator: grid
                parameters:
                  learning_rate: {values: [0.05, 1.0e+6]}
                  activation: [relu, tanh]
                engine: spark
              moons:
                kind: mlp
                layers: [2, 3, 2]
                activation: tanh
                passes: 200
              mlp-local:
                kind: mlp-search
                base: moons
                max_candidates: 4
                seed: 7
                parameters:
                  hidden_width: {min: 2, max: 8}
                  reg_lambda: {min: 1.0e-4, max: 1.0e-1, scale: log}
              mlp-spark:
                kind: mlp-search
                base: moons
                max_candidates: 4
                seed: 7
                parameters:
                  hidden_width: {min: 2, max: 8}
                  reg_lambda: {min: 1.0e-4, max: 1.0e-1, scale: log}
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
    void cnnSearchOnSparkRanksTheSameCandidatesTheSame() throws Exception {
        RunContext ctx = Runs.context(dir, YAML);
        CnnSearchRunner.run("grid-local", (CnnSearch) ctx.experiments().get("grid-local"), ctx);
        CnnSearchRunner.run("grid-spark", (CnnSearch) ctx.experiments().get("grid-spark"), ctx);
        Path a = ctx.resultsDir().resolve("search/grid-local");
        Path b = ctx.resultsDir().resolve("search/grid-spark");
        List<List<String>> local = Runs.csvWithout(a.resolve("leaderboard.csv"), "seconds");
        assertEquals(local, Runs.csvWithout(b.resolve("leaderboard.csv"), "seconds"));
        assertEquals(5, local.size());
        // relu at 1e6 diverges (a failed candidate, recorded alike); tanh saturates instead
        assertEquals(1, local.stream().filter(r -> r.contains("failed")).count(), local.toString());
        var sa = (com.fasterxml.jackson.databind.node.ObjectNode) Runs.withoutTimings(a.resolve("summary.json"));
        var sb = (com.fasterxml.jackson.databind.node.ObjectNode) Runs.withoutTimings(b.resolve("summary.json"));
        for (var s : List.of(sa, sb)) {
            s.remove(List.of("name", "command", "model"));
        }
        assertEquals(sa, sb);
        Runs.sameParameters(ctx.runsDir().resolve("grid-local/best-model.zip"),
                ctx.runsDir().resolve("grid-spark/best-model.zip"));
    }

    @Test
    void mlpSearchOnSparkDrawsAndScoresTheSameCandidates() throws Exception {
        RunContext ctx = Runs.context(dir, YAML);
        MlpSearchRunner.run("mlp-local", (MlpSearch) ctx.experiments().get("mlp-local"), ctx);
        MlpSearchRunner.run("mlp-spark", (MlpSearch) ctx.experiments().get("mlp-spark"), ctx);
        Path a = ctx.resultsDir().resolve("search/mlp-local");
        Path b = ctx.resultsDir().resolve("search/mlp-spark");
        List<List<String>> local = Runs.csvWithout(a.resolve("leaderboard.csv"), "seconds");
        assertEquals(local, Runs.csvWithout(b.resolve("leaderboard.csv"), "seconds"));
        assertEquals(5, local.size());
        assertTrue(local.stream().skip(1).allMatch(r -> r.contains("ok")), local.toString());
        var sa = (com.fasterxml.jackson.databind.node.ObjectNode) Runs.withoutTimings(a.resolve("summary.json"));
        var sb = (com.fasterxml.jackson.databind.node.ObjectNode) Runs.withoutTimings(b.resolve("summary.json"));
        for (var s : List.of(sa, sb)) {
            s.remove(List.of("name", "command"));
        }
        assertEquals(sa, sb);
    }
}
