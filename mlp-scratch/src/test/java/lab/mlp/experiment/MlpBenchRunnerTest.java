package lab.mlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import lab.core.kind.RunContext;
import lab.core.config.ExperimentsFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlpBenchRunnerTest {
    @TempDir
    Path dir;

    @Test
    void printsEveryRunAndTheMedianSweepLast() {
        String yaml = """
                experiments:
                  small:
                    kind: mlp
                    layers: [2, 3, 2]
                    passes: 200
                  deeper:
                    kind: mlp
                    layers: [2, 4, 4, 2]
                    dataset: {type: blobs, n: 50}
                    passes: 300
                  bench:
                    kind: mlp-bench
                    warmup: 1
                    rounds: 3
                    threads: 2
                    runs: [small, deeper, small]
                """;
        ExperimentsFile file = ExperimentsFile.parse("experiments.yaml", yaml,
                Map.of("mlp", MlpExperiment.class, "mlp-bench", MlpBench.class));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        double seconds = MlpBenchRunner.run("bench", (MlpBench) file.get("bench"), new RunContext(file, dir, dir, dir, dir),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(String.format(java.util.Locale.ROOT, "sweep seconds: %.3f", seconds), lines[lines.length - 1]);
        assertTrue(lines[0].startsWith("bench: 3 configurations on 2 threads"), lines[0]);
        assertEquals(3, java.util.Arrays.stream(lines).filter(l -> l.startsWith("timed sweep")).count());
        assertEquals(3, java.util.Arrays.stream(lines).filter(l -> l.startsWith("  small") || l.startsWith("  deeper")).count());
    }

    @Test
    void exportsPointsInitialWeightsAndResultsForTheNumpyReference() throws Exception {
        String yaml = """
                experiments:
                  small:
                    kind: mlp
                    layers: [2, 3, 2]
                    dataset: {type: moons, n: 20}
                    passes: 50
                    record_every: 10
                  bench:
                    kind: mlp-bench
                    warmup: 0
                    rounds: 1
                    threads: 1
                    runs: [small]
                """;
        ExperimentsFile file = ExperimentsFile.parse("experiments.yaml", yaml,
                Map.of("mlp", MlpExperiment.class, "mlp-bench", MlpBench.class));
        Path export = dir.resolve("inputs.json");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        System.setProperty(MlpBenchExport.PROPERTY, export.toString());
        try {
            MlpBenchRunner.run("bench", (MlpBench) file.get("bench"), new RunContext(file, dir, dir, dir, dir),
                    new PrintStream(bytes, true, StandardCharsets.UTF_8));
        } finally {
            System.clearProperty(MlpBenchExport.PROPERTY);
        }
        var json = lab.core.io.Json.mapper().readTree(export.toFile());
        var run = json.get("runs").get(0);
        assertEquals("small", run.get("name").asText());
        assertEquals(20, run.get("x").size());
        assertEquals(2, run.get("x").get(0).size());
        assertEquals(20, run.get("y").size());
        assertEquals(2, run.get("weights").size());
        assertEquals(2, run.get("weights").get(0).size()); // W1 is [2][3]
        assertEquals(3, run.get("weights").get(0).get(0).size());
        var moons = lab.mlp.data.ToyData.moons(20, 0.2, 0);
        assertEquals(moons.feature(0, 0), run.get("x").get(0).get(0).asDouble(), 0.0);
        assertEquals(6, run.get("java_result").get("curve_pass").size()); // 0, 10, ..., 50
        String printed = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(printed.contains("(final loss " + run.get("java_result").get("final_loss").asDouble() + ")"), printed);
    }

    @Test
    void costGrowsWithWeightsSamplesAndPasses() {
        String yaml = """
                experiments:
                  a: {kind: mlp, layers: [2, 3, 2]}
                  b: {kind: mlp, layers: [2, 10, 10, 2]}
                """;
        ExperimentsFile file = ExperimentsFile.parse("e.yaml", yaml, Map.of("mlp", MlpExperiment.class));
        var moons = lab.mlp.data.ToyData.moons(200, 0.2, 0);
        long a = MlpBenchRunner.cost((MlpExperiment) file.get("a"), moons);
        long b = MlpBenchRunner.cost((MlpExperiment) file.get("b"), moons);
        assertEquals((3L * 12 + 8 * 5) * 200 * 20_000, a);
        assertTrue(b > 5 * a);
        assertEquals(2.0, MlpBenchRunner.median(new double[] {3, 1, 2}), 0.0);
        assertEquals(2.5, MlpBenchRunner.median(new double[] {4, 1, 2, 3}), 0.0);
    }
}
