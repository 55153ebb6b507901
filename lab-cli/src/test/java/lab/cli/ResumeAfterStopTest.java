package lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reliability end to end, on 1,000 MNIST images: a training JVM killed with SIGKILL mid-epoch, or
 * stopped with SIGINT (Ctrl-C), resumes from its checkpoint to exactly the metrics of an
 * uninterrupted run; and the same experiment gives the same metrics.json in another JVM.
 * Timings, the model path and {@code resumed_at} are the only fields allowed to differ.
 */
class ResumeAfterStopTest {
    /**
     * 20 iterations per epoch; checkpoints at 7, 14, 20 (epoch end), 21, 28, 35... A checkpoint's
     * log line comes when its background write ends (1-2 s later): 60 iterations leave the kill
     * plenty of training to interrupt.
     */
    static final String YAML = """
            experiments:
              resumable:
                kind: cnn
                learning_rate: 1.0e-3
                train_images: 1000
                validation_images: 300
                test_images: 300
                iterations: 60
                eval_every: 10
                checkpoint_every: 7
                monitor_every: 10
            """;
    private static final Path MNIST_CACHE = RealExperimentsFileTest.FILE.getParent().resolve("data");

    @TempDir
    static Path dir;
    private static JsonNode reference;

    @BeforeAll
    static void uninterruptedRunInAnotherJvm() throws Exception {
        Files.writeString(dir.resolve("experiments.yaml"), YAML);
        Process child = start("reference");
        assertEquals(0, finish(child, "reference"), log("reference"));
        reference = metrics("reference");
        assertFalse(reference.get("diverged").asBoolean());
    }

    @Test
    void sameExperimentSameMetricsInThisJvm() throws Exception {
        assertEquals(0, runHere("again"));
        assertSameMetrics(reference, metrics("again"));
        assertEquals(0, metrics("again").get("resumed_at").size());
    }

    @Test
    void sigkillMidEpochThenResumeReachesTheSameMetrics() throws Exception {
        Process child = start("killed");
        awaitLine(child, "killed", "checkpoint at iteration 21 ");
        child.destroyForcibly(); // SIGKILL: no shutdown hook runs
        child.waitFor(1, TimeUnit.MINUTES);
        assertFalse(Files.exists(results("killed").resolve("metrics.json")), "a killed run writes no results");
        assertTrue(Files.isDirectory(runs("killed").resolve("checkpoints/iter-000000021")));

        assertEquals(0, runHere("killed"));
        JsonNode resumed = metrics("killed");
        assertSameMetrics(reference, resumed);
        long at = resumed.get("resumed_at").get(0).asLong();
        assertTrue(at >= 21 && at < 60, "resumed at " + at);
        assertFalse(Files.exists(runs("killed").resolve("checkpoints")), "a finished run deletes its checkpoints");
        assertLayerStatsOncePerIteration(runs("killed").resolve("layer-stats.csv"));
        assertTensorBoardStepsOnce(runs("killed").resolve("tensorboard"), at);
    }

    @Test
    void ctrlCSavesACheckpointAndTheSameCommandResumes() throws Exception {
        Process child = start("stopped");
        awaitLine(child, "stopped", "checkpoint at iteration 7 ");
        new ProcessBuilder("kill", "-INT", Long.toString(child.pid())).start().waitFor();
        assertEquals(130, finish(child, "stopped"), log("stopped"));
        String log = log("stopped");
        assertTrue(log.contains("the same command resumes from here"), log);
        assertFalse(log.contains("\tat "), log);
        assertFalse(Files.exists(results("stopped").resolve("metrics.json")));
        try (Stream<Path> checkpoints = Files.list(runs("stopped").resolve("checkpoints"))) {
            assertTrue(checkpoints.anyMatch(p -> p.getFileName().toString().startsWith("iter-")));
        }

        assertEquals(0, runHere("stopped"));
        assertSameMetrics(reference, metrics("stopped"));
    }

    @Test
    void resumeFalseStartsOver() throws Exception {
        Process child = start("fresh");
        awaitLine(child, "fresh", "checkpoint at iteration 14 ");
        child.destroyForcibly();
        child.waitFor(1, TimeUnit.MINUTES);
        assertEquals(0, runHere("fresh", "--resume", "false"));
        JsonNode metrics = metrics("fresh");
        assertEquals(0, metrics.get("resumed_at").size());
        assertSameMetrics(reference, metrics);
    }

    // --- running ---

    private static List<String> args(String run) {
        return List.of("--exp", "resumable", "--experiments", dir.resolve("experiments.yaml").toString(),
                "--results-dir", dir.resolve(run).resolve("results").toString(),
                "--runs-dir", dir.resolve(run).resolve("runs").toString(), "--cache-dir", MNIST_CACHE.toString());
    }

    private static Process start(String run) throws IOException {
        List<String> command = ChildJvm.command(List.of("-Xmx1g"), args(run));
        Files.createDirectories(dir.resolve(run));
        return new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve(run).resolve("log.txt").toFile()).start();
    }

    private static int runHere(String run, String... extra) {
        List<String> all = new ArrayList<>(args(run));
        all.addAll(List.of(extra));
        return Main.execute(all.toArray(String[]::new));
    }

    private static int finish(Process child, String run) throws Exception {
        if (!child.waitFor(5, TimeUnit.MINUTES)) {
            child.destroyForcibly();
            throw new AssertionError("the training JVM did not finish: " + log(run));
        }
        return child.exitValue();
    }

    private static void awaitLine(Process child, String run, String fragment) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (log(run).contains(fragment)) {
                return;
            }
            if (!child.isAlive()) {
                throw new AssertionError("the training JVM ended before '" + fragment + "': " + log(run));
            }
            Thread.sleep(20);
        }
        child.destroyForcibly();
        throw new AssertionError("no '" + fragment + "' within 5 minutes: " + log(run));
    }

    private static String log(String run) throws IOException {
        Path file = dir.resolve(run).resolve("log.txt");
        return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
    }

    private static Path results(String run) {
        return dir.resolve(run).resolve("results/cnn/resumable");
    }

    private static Path runs(String run) {
        return dir.resolve(run).resolve("runs/resumable");
    }

    private static JsonNode metrics(String run) throws IOException {
        return new ObjectMapper().readTree(results(run).resolve("metrics.json").toFile());
    }

    // --- comparing ---

    /** Equal but for what measures time or names this run's paths. */
    static void assertSameMetrics(JsonNode expected, JsonNode actual) {
        assertEquals(comparable(expected).toPrettyString(), comparable(actual).toPrettyString());
    }

    private static JsonNode comparable(JsonNode metrics) {
        ObjectNode m = metrics.deepCopy();
        m.remove(List.of("train_seconds", "eval_seconds", "images_per_second", "resumed_at", "model"));
        if (m.get("backend") instanceof ObjectNode backend) {
            backend.remove("thread_probe"); // timings
        }
        for (JsonNode eval : m.at("/curves/eval")) {
            ((ObjectNode) eval).remove("train_seconds");
        }
        return m;
    }

    /** Every monitored (iteration, layer, quantity) once: rows written after the checkpoint and before the kill were dropped. */
    /**
     * The killed session's event file and the resumed one's: every loss point once (the records
     * after the checkpoint dropped, not restarted at 0), the resumed file starting at the checkpoint.
     */
    private static void assertTensorBoardStepsOnce(Path logDir, long resumedAt) {
        List<Path> files = lab.core.tensorboard.EventReader.eventFiles(logDir);
        assertEquals(2, files.size(), files.toString());
        List<Long> loss = lab.core.tensorboard.EventReader.readDirectory(logDir).stream()
                .filter(r -> r.tag().equals("train/loss")).map(r -> r.step()).toList();
        List<Long> expected = new ArrayList<>(List.of(1L));
        for (long i = 10; i <= 60; i += 10) {
            expected.add(i);
        }
        assertEquals(expected, loss);
        assertTrue(lab.core.tensorboard.EventReader.read(files.get(1)).stream()
                .allMatch(r -> r.step() == 0 || r.step() > resumedAt), "resumed file starts after " + resumedAt);
    }

    private static void assertLayerStatsOncePerIteration(Path csv) throws IOException {
        Map<String, Integer> seen = new TreeMap<>();
        for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] cells = line.split(",", 5);
            seen.merge(cells[0] + "/" + cells[2] + "/" + cells[3], 1, Integer::sum);
        }
        assertTrue(seen.values().stream().allMatch(n -> n == 1), "duplicated rows: " + seen);
        assertEquals(List.of("10", "20", "30", "40", "50", "60"), seen.keySet().stream().map(k -> k.split("/")[0]).distinct()
                .sorted((a, b) -> Integer.compare(Integer.parseInt(a), Integer.parseInt(b))).toList());
    }
}
