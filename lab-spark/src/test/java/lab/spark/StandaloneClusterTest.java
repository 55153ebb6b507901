package lab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import lab.cnn.experiment.CnnSuite;
import lab.cnn.experiment.CnnSuiteRunner;
import lab.core.kind.RunContext;
import lab.mlp.search.MlpSearch;
import lab.mlp.search.MlpSearchRunner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end on a real standalone cluster (Master and two Workers as separate JVMs on 127.0.0.1):
 * a two-member suite during which one Worker is killed (its member is re-run on the other), and an
 * mlp search; every figure equal to a local run's. Minutes long on 2 cores: tag {@code cluster},
 * run with {@code mvn -Pcluster -pl lab-spark -am test} (not in the default build).
 */
@Tag("cluster")
class StandaloneClusterTest {
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
              local-suite:
                kind: cnn-suite
                runs: [tiny]
                seeds: [0, 1]
              cluster-suite:
                kind: cnn-suite
                runs: [tiny]
                seeds: [0, 1]
                engine: spark
              moons:
                kind: mlp
                layers: [2, 3, 2]
                activation: tanh
                passes: 200
              local-search:
                kind: mlp-search
                base: moons
                max_candidates: 4
                seed: 7
                parameters:
                  hidden_width: {min: 2, max: 8}
                  reg_lambda: {min: 1.0e-4, max: 1.0e-1, scale: log}
              cluster-search:
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

    @AfterEach
    void stop() {
        SparkContexts.stop();
        for (String key : List.of("spark.master", "spark.executor.memory", "spark.executor.extraJavaOptions")) {
            System.clearProperty(key);
        }
    }

    @Test
    void suiteSurvivesAKilledWorkerAndSearchMatchesLocal() throws Exception {
        RunContext local = Runs.context(dir, YAML);
        RunContext cluster = Runs.elsewhere(local, dir.resolve("cluster"));
        CnnSuiteRunner.run("local-suite", (CnnSuite) local.experiments().get("local-suite"), local);
        MlpSearchRunner.run("local-search", (MlpSearch) local.experiments().get("local-search"), local);

        try (StandaloneCluster spark = new StandaloneCluster(dir, 2)) {
            System.setProperty("spark.master", spark.url);
            System.setProperty("spark.executor.memory", "1g");
            System.setProperty("spark.executor.extraJavaOptions", "-Dthreads=1");
            CompletableFuture<Void> suite = CompletableFuture.runAsync(() -> CnnSuiteRunner.run("cluster-suite",
                    (CnnSuite) cluster.experiments().get("cluster-suite"), cluster));
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
            while (!spark.executorLogged(1, "parameters;") && !suite.isDone() && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
            assertTrue(spark.executorLogged(1, "parameters;"), "Worker 1's executor started training a member");
            spark.killWorker(1); // mid-member: Spark re-runs that member on Worker 0
            suite.get(10, TimeUnit.MINUTES);
            MlpSearchRunner.run("cluster-search", (MlpSearch) cluster.experiments().get("cluster-search"), cluster);
        }

        for (String member : List.of("tiny", "tiny-seed1")) {
            Path a = local.resultsDir().resolve("cnn").resolve(member);
            Path b = cluster.resultsDir().resolve("cnn").resolve(member);
            assertEquals(Files.readString(a.resolve("loss.csv")), Files.readString(b.resolve("loss.csv")), member);
            assertEquals(Runs.csvWithout(a.resolve("eval.csv"), "train_seconds"),
                    Runs.csvWithout(b.resolve("eval.csv"), "train_seconds"), member);
            Runs.sameParameters(local.runsDir().resolve(member).resolve("model.zip"),
                    cluster.runsDir().resolve(member).resolve("model.zip"));
        }
        assertEquals(Runs.csvWithout(local.resultsDir().resolve("search/local-search/leaderboard.csv"), "seconds"),
                Runs.csvWithout(cluster.resultsDir().resolve("search/cluster-search/leaderboard.csv"), "seconds"));
    }
}
