package lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link Main#execute}: exit codes, one-line errors on stderr, result files. */
class MainTest {
    static final String YAML = """
            experiments:
              tiny:
                kind: mlp
                description: a tiny moons run
                dataset: {type: moons, n: 40}
                layers: [2, 4, 2]
                passes: 300
              badcsv:
                kind: mlp
                description: a csv with a word in it
                dataset: {type: csv, path: bad.csv}
                layers: [2, 4, 2]
                passes: 10
              bench:
                kind: mlp-bench
                runs: [tiny, nope]
            """;

    @TempDir
    Path tmp;
    Path experiments;
    Path results;

    /** What one call printed and returned. */
    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    @BeforeEach
    void files() throws IOException {
        experiments = tmp.resolve("experiments.yaml");
        Files.writeString(experiments, YAML);
        results = tmp.resolve("results");
    }

    static Run run(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
        int code;
        try {
            System.setOut(new PrintStream(outBytes, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(errBytes, true, StandardCharsets.UTF_8));
            code = Main.execute(args);
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return new Run(code, outBytes.toString(StandardCharsets.UTF_8), errBytes.toString(StandardCharsets.UTF_8));
    }

    Run runExp(String name) {
        return run("--exp", name, "--experiments", experiments.toString(), "--results-dir", results.toString(),
                "--runs-dir", tmp.resolve("runs").toString());
    }

    static void assertOneErrorLine(Run r, int code, String start) {
        assertEquals(code, r.code(), r.toString());
        assertEquals(1, r.errLines().size(), "stderr: " + r.err());
        assertTrue(r.errLines().get(0).startsWith(start), "stderr: " + r.err());
    }

    @Test
    void unknownExperimentIsUsageErrorListingKnownNames() {
        Run r = runExp("nope");
        assertOneErrorLine(r, 2, "error: unknown experiment");
        assertEquals("error: unknown experiment 'nope' in experiments.yaml (known: tiny, badcsv, bench)",
                r.errLines().get(0));
    }

    @Test
    void noExperimentIsUsageError() {
        Run r = run("--experiments", experiments.toString(), "--results-dir", results.toString(),
                "--runs-dir", tmp.resolve("runs").toString());
        assertOneErrorLine(r, 2, "error: no experiment given");
        assertTrue(r.err().contains("tiny, badcsv, bench"), r.err());
    }

    @Test
    void missingExperimentsFileIsUsageError() {
        Path missing = tmp.resolve("missing.yaml");
        Run r = run("--exp", "tiny", "--experiments", missing.toString(), "--results-dir", results.toString(),
                "--runs-dir", tmp.resolve("runs").toString());
        assertOneErrorLine(r, 2, "error: " + missing + ": experiments file not found");
    }

    @Test
    void invalidExperimentsFileIsUsageError() throws IOException {
        Files.writeString(experiments, "experiments:\n  a:\n    kind: mlp\n    layers: [2, 3, 2]\n    epsilon: 0\n");
        Run r = runExp("a");
        assertOneErrorLine(r, 2, "error: experiments.yaml:5:5: epsilon: ");
    }

    @Test
    void unknownOptionIsUsageError() {
        Run r = run("--no-such-flag");
        assertOneErrorLine(r, 2, "error: ");
        assertTrue(r.err().contains("--no-such-flag"), r.err());
    }

    @Test
    void benchReferringToUnknownExperimentIsUsageError() {
        Run r = runExp("bench");
        assertOneErrorLine(r, 2, "error: experiments.yaml:16:18: 1: ");
        assertTrue(r.err().contains("unknown experiment 'nope' (allowed: tiny, badcsv)"), r.err());
    }

    @Test
    void tinyMlpWritesResults() throws IOException {
        Run r = runExp("tiny");
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());
        Path dir = results.resolve("mlp").resolve("tiny");
        for (String f : List.of("metrics.json", "boundary.png", "dataset.png", "loss.csv")) {
            assertTrue(Files.isRegularFile(dir.resolve(f)), f + " missing in " + dir);
            assertTrue(Files.size(dir.resolve(f)) > 0, f + " is empty");
        }
        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("metrics.json").toFile());
        for (String key : List.of("final_loss", "train_accuracy", "train_seconds", "diverged")) {
            assertTrue(metrics.has(key), "metrics.json lacks " + key + ": " + metrics);
        }
        assertTrue(metrics.get("final_loss").isNumber());
        double accuracy = metrics.get("train_accuracy").asDouble();
        assertTrue(accuracy >= 0 && accuracy <= 1, "train_accuracy " + accuracy);
        assertTrue(metrics.get("train_seconds").asDouble() >= 0);
        assertTrue(metrics.get("diverged").isBoolean());
        assertEquals("tiny", metrics.get("experiment").asText());
        String csvHeader = Files.readAllLines(dir.resolve("loss.csv")).get(0);
        assertFalse(csvHeader.isBlank());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> leftovers = files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(".")).toList();
            assertEquals(List.of(), leftovers, "temporary files left behind");
        }
    }

    @Test
    void csvWithNonNumericCellIsRuntimeErrorNamingFileAndLine() throws IOException {
        Path csv = tmp.resolve("bad.csv");
        Files.writeString(csv, "x1,x2,label\n0.1,0.2,0\n0.3,abc,1\n0.5,0.6,1\n");
        Run r = runExp("badcsv");
        assertOneErrorLine(r, 1, "error: " + csv + ":3: ");
        assertEquals("error: " + csv + ":3: column 2: 'abc' is not a finite number", r.errLines().get(0));
        assertFalse(Files.exists(results.resolve("mlp").resolve("badcsv").resolve("metrics.json")));
    }

    @Test
    void unwritableResultsDirIsRuntimeError() throws IOException {
        Path readOnly = Files.createDirectory(tmp.resolve("read-only"));
        File dir = readOnly.toFile();
        assertTrue(dir.setWritable(false, false));
        try {
            assumeFalse(Files.isWritable(readOnly), "running as root: the directory is still writable");
            Run r = run("--exp", "tiny", "--experiments", experiments.toString(), "--results-dir", readOnly.toString(),
                "--runs-dir", tmp.resolve("runs").toString());
            assertOneErrorLine(r, 1, "error: ");
            assertTrue(r.err().contains("not writable"), r.err());
        } finally {
            dir.setWritable(true, false);
        }
    }

    @Test
    void resultsDirThatIsAFileIsRuntimeError() throws IOException {
        Path file = Files.writeString(tmp.resolve("results-file"), "not a directory");
        Run r = run("--exp", "tiny", "--experiments", experiments.toString(), "--results-dir", file.toString(),
                "--runs-dir", tmp.resolve("runs").toString());
        assertOneErrorLine(r, 1, "error: " + file.resolve("mlp").resolve("tiny") + ": results directory is not writable");
    }

    @Test
    void listPrintsEveryName() {
        Run r = run("--list", "--experiments", experiments.toString());
        assertEquals(0, r.code(), r.toString());
        assertEquals("", r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(3, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("tiny ") && lines.get(0).endsWith("a tiny moons run"), lines.get(0));
        assertTrue(lines.get(1).startsWith("badcsv "), lines.get(1));
        assertTrue(lines.get(2).startsWith("bench"), lines.get(2));
    }
}
