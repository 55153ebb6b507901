package lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every kind of bad input, end to end through {@link Main#execute}: one line on stderr
 * ({@code error: ...}, no stack trace), exit code 2 for usage and configuration mistakes and 1
 * for data, I/O and runtime problems, and nothing written (no results, no runs, no temporary
 * files). The README's "When something is wrong" lists these cases.
 *
 * <p>In every row {@code {dir}} stands for the test's temporary directory, {@code {port}} for the
 * busy port. The experiment run is {@code x} unless the row says otherwise.
 */
class BadInputTest {
    @TempDir
    Path dir;

    /** What a row may change before the run: files to create, properties, the results and runs directories. */
    static final class Env {
        final Path dir;
        final Map<String, String> properties = new LinkedHashMap<>();
        final List<AutoCloseable> resources = new ArrayList<>();
        Path results;
        Path runs;
        Path experiments;
        String exp = "x";
        int port;

        Env(Path dir) {
            this.dir = dir;
            results = dir.resolve("results");
            runs = dir.resolve("runs");
            experiments = dir.resolve("experiments.yaml");
        }

        Path write(String name, String text) throws IOException {
            return Files.writeString(dir.resolve(name), text);
        }
    }

    interface Setup {
        void apply(Env env) throws IOException;
    }

    static final Setup NONE = env -> {
    };

    static String mlp(String... lines) {
        return experiment("mlp", lines);
    }

    static String cnn(String... lines) {
        return experiment("cnn", lines);
    }

    /** {@code experiments: x: kind: KIND} and the lines, indented; line 4 is the first of {@code lines}. */
    static String experiment(String kind, String... lines) {
        StringBuilder yaml = new StringBuilder("experiments:\n  x:\n    kind: " + kind + "\n");
        for (String line : lines) {
            yaml.append("    ").append(line).append('\n');
        }
        return yaml.toString();
    }

    static Arguments row(String name, String yaml, Setup setup, int code, String line) {
        return Arguments.of(name, yaml, setup, code, line);
    }

    /** -Dmnist.dir at {dir}/mnist holding the four files, one of them replaced by {@code bad}. */
    static Setup mnistWith(Setup bad) {
        return env -> {
            TestIdx.dataset(env.dir.resolve("mnist"), 20, 10);
            bad.apply(env);
            env.properties.put("mnist.dir", env.dir.resolve("mnist").toString());
        };
    }

    static Stream<Arguments> badInputs() {
        String fixMnist = " (not the original MNIST file, given by -Dmnist.dir: replace it with an intact copy, "
                + "or unset -Dmnist.dir)";
        return Stream.of(
                // ---- usage and configuration: exit 2 ----
                row("malformed YAML", "experiments:\n  x:\n    kind: mlp\n   layers: [2, 3, 2]\n", NONE, 2,
                        "error: experiments.yaml:4:4: YAML syntax: expected <block end>, but found "
                                + "'<block mapping start>'"),
                row("unknown key", mlp("layers: [2, 3, 2]", "hidden: 3"), NONE, 2,
                        "error: experiments.yaml:5:5: hidden: unknown key (allowed: activation, batch_size, "),
                row("wrong type: text for a number", mlp("layers: [2, 3, 2]", "passes: many"), NONE, 2,
                        "error: experiments.yaml:5:5: passes: expected a whole number"),
                row("wrong type: list for a number (cnn)", cnn("batch_size: [50]"), NONE, 2,
                        "error: experiments.yaml:4:5: batch_size: expected a whole number"),
                row("size 0 in layers", mlp("layers: [2, 0, 2]"), NONE, 2,
                        "error: experiments.yaml:4:5: layers: sizes must be > 0, got 0 at position 1"),
                row("batch size 0 (cnn)", cnn("batch_size: 0"), NONE, 2,
                        "error: experiments.yaml:4:5: batch_size: must be > 0, got 0"),
                row("fc width negative (cnn)", cnn("fc_width: -1"), NONE, 2,
                        "error: experiments.yaml:4:5: fc_width: must be > 0, got -1"),
                row("learning rate 0 (mlp epsilon)", mlp("layers: [2, 3, 2]", "epsilon: 0"), NONE, 2,
                        "error: experiments.yaml:5:5: epsilon: must be a finite number > 0, got 0.0"),
                row("learning rate negative (cnn)", cnn("learning_rate: -1.0e-4"), NONE, 2,
                        "error: experiments.yaml:4:5: learning_rate: must be a finite number > 0, got -1.0E-4"),
                row("unknown activation (mlp)", mlp("layers: [2, 3, 2]", "activation: softplus"), NONE, 2,
                        "error: experiments.yaml:5:5: activation: unknown value 'softplus' (allowed: tanh, "),
                row("unknown activation (cnn)", cnn("activation: swish"), NONE, 2,
                        "error: experiments.yaml:4:5: activation: unknown value 'swish' (allowed: "),
                row("unknown updater (cnn)", cnn("updater: rmsprop"), NONE, 2,
                        "error: experiments.yaml:4:5: updater: unknown value 'rmsprop' (allowed: "),
                row("unknown kind", experiment("gan"), NONE, 2,
                        "error: experiments.yaml:3:5: kind: unknown kind 'gan' (allowed: cnn, cnn-bench, "),
                row("unknown experiment", mlp("layers: [2, 3, 2]"), env -> env.exp = "nope", 2,
                        "error: unknown experiment 'nope' in experiments.yaml (known: x)"),
                row("experiments file missing", mlp("layers: [2, 3, 2]"),
                        env -> env.experiments = env.dir.resolve("missing.yaml"), 2,
                        "error: {dir}/missing.yaml: experiments file not found"),
                row("IDX dataset path is not a directory (cnn)", cnn("dataset: {type: idx, path: nowhere}"), NONE, 2,
                        "error: experiments.yaml:4:26: path: {dir}/nowhere is not a directory (expected a directory "
                                + "holding the four IDX files)"),
                row("UI port out of range", cnn(), env -> {
                    env.properties.put("ui", "true");
                    env.properties.put("ui.port", "70000");
                }, 2, "error: -Dui.port=70000: not a port (0-65535)"),

                // ---- data, I/O and runtime: exit 1 ----
                row("MNIST directory missing", cnn(),
                        env -> env.properties.put("mnist.dir", env.dir.resolve("no-mnist").toString()), 1,
                        "error: -Dmnist.dir={dir}/no-mnist: does not exist (point -Dmnist.dir at the directory "
                                + "holding train-images-idx3-ubyte, "),
                row("MNIST files missing", cnn(), env -> {
                    Files.createDirectories(env.dir.resolve("empty"));
                    env.properties.put("mnist.dir", env.dir.resolve("empty").toString());
                }, 1, "error: -Dmnist.dir={dir}/empty: missing train-images-idx3-ubyte(.gz), "
                        + "train-labels-idx1-ubyte(.gz), t10k-images-idx3-ubyte(.gz), t10k-labels-idx1-ubyte(.gz)"),
                row("MNIST file truncated", cnn(), mnistWith(env -> TestIdx.images(
                        env.dir.resolve("mnist/train-images-idx3-ubyte"), TestIdx.IMAGES, 60_000, 3)), 1,
                        "error: {dir}/mnist/train-images-idx3-ubyte: truncated: 2368 bytes, expected 47040016"
                                + fixMnist),
                row("MNIST file with a wrong magic number", cnn(), mnistWith(env -> TestIdx.labels(
                        env.dir.resolve("mnist/train-images-idx3-ubyte"), 60_000)), 1,
                        "error: {dir}/mnist/train-images-idx3-ubyte: not an IDX image file: magic number 2049, "
                                + "expected 2051; this is an IDX label file" + fixMnist),
                row("IDX dataset file truncated (cnn)", cnn("dataset: {type: idx, path: idx}"), env -> {
                    TestIdx.dataset(env.dir.resolve("idx"), 20, 10);
                    TestIdx.images(env.dir.resolve("idx/t10k-images-idx3-ubyte"), TestIdx.IMAGES, 10, 4);
                }, 1, "error: {dir}/idx/t10k-images-idx3-ubyte: truncated: header declares 10 images of 28x28 "
                        + "(7840 bytes after the header), found 3136 (re-download or re-copy the file)"),
                row("IDX dataset file with a wrong magic number (cnn)", cnn("dataset: {type: idx, path: idx}"),
                        env -> {
                            TestIdx.dataset(env.dir.resolve("idx"), 20, 10);
                            TestIdx.images(env.dir.resolve("idx/train-labels-idx1-ubyte"), TestIdx.IMAGES, 20, 20);
                        }, 1, "error: {dir}/idx/train-labels-idx1-ubyte: not an IDX label file: magic number 2051, "
                                + "expected 2049; this is an IDX image file (check which file is given, or "),
                row("CSV with a non-numeric cell", mlp("dataset: {type: csv, path: bad.csv}", "layers: [2, 3, 2]"),
                        env -> env.write("bad.csv", "x1,x2,label\n0.1,0.2,0\n0.3,abc,1\n"), 1,
                        "error: {dir}/bad.csv:3: column 2: 'abc' is not a finite number"),
                row("CSV with a missing column", mlp("dataset: {type: csv, path: short.csv}", "layers: [2, 3, 2]"),
                        env -> env.write("short.csv", "x1,x2,label\n0.1,0.2,0\n0.3,1\n"), 1,
                        "error: {dir}/short.csv:3: expected 3 columns as in the header, found 2"),
                row("CSV file missing", mlp("dataset: {type: csv, path: gone.csv}", "layers: [2, 3, 2]"), NONE, 1,
                        "error: {dir}/gone.csv: CSV file not found"),
                row("UI port in use", cnn(), env -> {
                    ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
                    env.resources.add(busy);
                    env.port = busy.getLocalPort();
                    env.properties.put("ui", "true");
                    env.properties.put("ui.port", Integer.toString(env.port));
                    // Never reached when the port is checked first; if it were, no download either.
                    env.properties.put("mnist.dir", env.dir.resolve("no-mnist").toString());
                }, 1, "error: UI port {port} on 127.0.0.1 is in use (choose another with -Dui.port=N)"),
                row("TensorBoard port out of range", experiment("tensorboard", "port: 70000"), NONE, 2,
                        "error: experiments.yaml:4:5: port: must be a port number between 1 and 65535, got 70000"),
                row("TensorBoard without a runs directory", experiment("tensorboard"), NONE, 1,
                        "error: {dir}/runs: no runs directory yet (train a cnn experiment first"),
                row("TensorBoard port in use", experiment("tensorboard"), env -> {
                    ServerSocket busy = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
                    env.resources.add(busy);
                    env.port = busy.getLocalPort();
                    Files.createDirectories(env.runs);
                    env.write("experiments.yaml", experiment("tensorboard", "port: " + env.port));
                }, 1, "error: port {port} on 127.0.0.1 is in use (another TensorBoard?): set port: N"),
                row("no saved runs for the UI (kind ui)", experiment("ui"), NONE, 1,
                        "error: no saved training-UI stats in {dir}/runs (looked for */ui-stats.dl4j): "),
                row("results directory is a file (mlp)", mlp("layers: [2, 3, 2]", "passes: 10"),
                        env -> env.results = env.write("results.txt", "not a directory"), 1,
                        "error: {dir}/results.txt/mlp/x: results directory is not writable ({dir}/results.txt "
                                + "is a file, not a directory)"),
                row("results directory under a file (cnn)", cnn(), env -> {
                    env.write("file", "not a directory");
                    env.results = env.dir.resolve("file/results");
                    env.properties.put("mnist.dir", env.dir.resolve("no-mnist").toString());
                }, 1, "error: {dir}/file/results/cnn/x: results directory is not writable ({dir}/file is a file, "
                        + "not a directory)"),
                row("runs directory is a file (cnn)", cnn(), env -> {
                    env.runs = env.write("runs.txt", "not a directory");
                    env.properties.put("mnist.dir", env.dir.resolve("no-mnist").toString());
                }, 1, "error: {dir}/runs.txt/x: results directory is not writable ({dir}/runs.txt is a file, "
                        + "not a directory)"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInputs")
    void oneLineExitCodeNothingWritten(String name, String yaml, Setup setup, int code, String line)
            throws Exception {
        Env env = new Env(dir);
        Files.writeString(env.experiments, yaml);
        setup.apply(env);
        List<Path> before = files();
        MainTest.Run run;
        Map<String, String> saved = new LinkedHashMap<>();
        env.properties.keySet().forEach(key -> saved.put(key, System.getProperty(key)));
        try {
            env.properties.forEach(System::setProperty);
            run = MainTest.run("--exp", env.exp, "--experiments", env.experiments.toString(),
                    "--results-dir", env.results.toString(), "--runs-dir", env.runs.toString(),
                    "--cache-dir", dir.resolve("cache").toString());
        } finally {
            saved.forEach((key, value) -> {
                if (value == null) {
                    System.clearProperty(key);
                } else {
                    System.setProperty(key, value);
                }
            });
            for (AutoCloseable resource : env.resources) {
                resource.close();
            }
        }

        String expected = line.replace("{dir}", dir.toString()).replace("{port}", Integer.toString(env.port));
        List<String> lines = run.errLines();
        assertEquals(1, lines.size(), "stderr must be one line: " + run.err());
        assertTrue(lines.get(0).startsWith(expected), "expected: " + expected + "\n     got: " + lines.get(0));
        assertEquals(code, run.code(), run.err());
        for (String stream : List.of(run.err(), run.out())) {
            assertFalse(stream.contains("\tat ") || stream.contains("Exception"), "stack trace: " + stream);
        }
        assertEquals(before, files(), "files written (or removed)");
    }

    /** Every file and directory under the temporary directory. */
    private List<Path> files() throws IOException {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.map(dir::relativize).sorted().toList();
        }
    }
}
