package lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A run that reaches a memory limit says which one, on one line, and exits 1: the program runs
 * in a child JVM (as through {@code mvn exec:java}, its limits are JVM flags) with a limit far
 * too small for the experiment. ({@code org.bytedeco.javacpp.maxbytes} cannot be shown this way:
 * ND4J 1.0.0-M2.1 allocates its arrays in libnd4j, outside JavaCPP's count, and a training with
 * {@code maxbytes=1k} runs normally; {@link OutOfMemoryTest} covers that message.)
 */
class MemoryLimitTest {
    static final String YAML = """
            experiments:
              huge-mlp:
                kind: mlp
                description: two hidden layers of 30,000 units - 7 GB of doubles
                dataset: {type: moons, n: 50}
                layers: [2, 30000, 30000, 2]
                passes: 1
              tiny-cnn:
                kind: cnn
                description: three iterations on a generated IDX dataset
                dataset: {type: idx, path: idx}
                iterations: 3
                train_images: 100
                validation_images: 50
                test_images: 10
                monitor_every: 0
            """;

    @TempDir
    Path dir;

    static Stream<Arguments> limits() {
        return Stream.of(
                Arguments.of("huge-mlp", "-Xmx128m",
                        "error: out of memory: the Java heap reached its limit -Xmx (128 MiB) (Java heap space); "
                                + "raise -Xmx in .mvn/jvm.config"),
                Arguments.of("tiny-cnn", "-Dorg.bytedeco.javacpp.maxphysicalbytes=64m",
                        "error: out of memory: the process reached the physical memory limit "
                                + "org.bytedeco.javacpp.maxphysicalbytes=64m (Physical memory usage is too high: "
                                + "physicalBytes ("));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("limits")
    void limitReachedIsOneLine(String experiment, String limit, String line) throws Exception {
        Files.writeString(dir.resolve("experiments.yaml"), YAML);
        TestIdx.dataset(dir.resolve("idx"), 5_100, 10);
        List<String> command = ChildJvm.command(List.of(limit), List.of("--exp", experiment, "--experiments",
                dir.resolve("experiments.yaml").toString(), "--results-dir", dir.resolve("results").toString(),
                "--runs-dir", dir.resolve("runs").toString(), "--cache-dir", dir.resolve("cache").toString()));
        Process process = new ProcessBuilder(command).redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile()).start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the child JVM did not finish");
        }
        String err = Files.readString(dir.resolve("err.txt"), StandardCharsets.UTF_8);
        List<String> lines = err.lines().filter(l -> !l.startsWith("WARNING: Using incubator modules")).toList();
        assertEquals(1, lines.size(), "stderr must be one line: " + err);
        assertTrue(lines.get(0).startsWith(line), "expected: " + line + "\n     got: " + lines.get(0));
        assertEquals(1, process.exitValue(), err);
        assertFalse(err.contains("\tat "), err);
        assertFalse(Files.exists(dir.resolve("results")), "results written");
        assertFalse(Files.exists(dir.resolve("runs")), "runs written");
    }
}
