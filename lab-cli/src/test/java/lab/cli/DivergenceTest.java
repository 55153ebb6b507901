package lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The divergence guard, end to end for both halves: a learning rate far too high makes the loss
 * non-finite; the run stops at once with one line naming the iteration (mlp: pass) and suggesting
 * a lower learning rate, exits 0 (the run itself worked), and its metrics say {@code diverged: true}.
 */
class DivergenceTest {
    @TempDir
    Path dir;

    static Stream<Arguments> runs() {
        return Stream.of(
                Arguments.of("mlp", """
                        experiments:
                          blowup:
                            kind: mlp
                            layers: [2, 10, 2]
                            activation: relu
                            epsilon: 1.0e+6
                            reg_lambda: 0
                            passes: 5000
                        """, Pattern.compile("blowup: training diverged: loss is NaN at pass (\\d+) .*try a lower "
                        + "epsilon"), "mlp"),
                Arguments.of("cnn", """
                        experiments:
                          blowup:
                            kind: cnn
                            updater: sgd
                            learning_rate: 1.0e+6
                            train_images: 500
                            validation_images: 100
                            test_images: 100
                            iterations: 50
                            monitor_every: 0
                        """, Pattern.compile("blowup: loss is NaN at iteration (\\d+) .*try a lower learning_rate"),
                        "cnn"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("runs")
    void nonFiniteLossStopsAtOnceAndIsRecorded(String half, String yaml, Pattern line, String resultsPart)
            throws Exception {
        Files.writeString(dir.resolve("experiments.yaml"), yaml);
        MainTest.Run run = MainTest.run("--exp", "blowup", "--experiments", dir.resolve("experiments.yaml").toString(),
                "--results-dir", dir.resolve("results").toString(), "--runs-dir", dir.resolve("runs").toString(),
                "--cache-dir", RealExperimentsFileTest.FILE.getParent().resolve("data").toString());
        int code = run.code();
        String log = run.out();
        assertEquals(0, code, log);
        List<String> hits = log.lines().filter(l -> line.matcher(l).find()).toList();
        assertEquals(1, hits.size(), "one line naming the iteration:\n" + log);
        Matcher m = line.matcher(hits.get(0));
        assertTrue(m.find());
        long at = Long.parseLong(m.group(1));
        assertFalse(log.contains("\tat "), log);

        JsonNode metrics = new ObjectMapper().readTree(dir.resolve("results").resolve(resultsPart).resolve("blowup")
                .resolve("metrics.json").toFile());
        assertTrue(metrics.get("diverged").asBoolean(), metrics.toPrettyString());
        if (half.equals("cnn")) {
            assertEquals(at, metrics.get("diverged_at_iteration").asLong());
            assertEquals(at, metrics.get("iterations").asLong(), "stopped at once");
            assertTrue(at < 50);
        } else {
            assertTrue(at < 5000, "stopped at pass " + at);
            assertTrue(metrics.get("divergence").asText().contains("at pass " + at), metrics.toPrettyString());
        }
    }
}
