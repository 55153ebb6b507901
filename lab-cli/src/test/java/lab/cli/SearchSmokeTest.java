package lab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.cnn.search.CnnSearch;
import lab.cnn.search.CnnSearchRunner;
import lab.core.kind.RunContext;
import lab.core.UserError;
import lab.core.config.ExperimentsFile;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code search-smoke} of the project's experiments.yaml end to end through the command line
 * (real MNIST, found or fetched into the project's data/ like the smoke epoch), and a test-only
 * search in which one candidate diverges.
 */
class SearchSmokeTest {
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G'};

    @TempDir
    Path out;

    /** Rows of leaderboard.csv, split on commas (the smoke searches have no commas in their cells). */
    static List<String[]> rows(Path csv) throws IOException {
        List<String> lines = Files.readAllLines(csv);
        assertEquals("rank,candidate,learning_rate", lines.get(0).substring(0, "rank,candidate,learning_rate".length()));
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    int run(Path experiments, String name) {
        Path root = RealExperimentsFileTest.FILE.getParent();
        return Main.execute("--exp", name, "--experiments", experiments.toString(),
                "--results-dir", out.resolve("results").toString(), "--runs-dir", out.resolve("runs").toString(),
                "--cache-dir", root.resolve("data").toString());
    }

    @Test
    void searchSmokeRanksThreeCandidatesAndTestsOnlyTheWinner() throws Exception {
        assertEquals(0, run(RealExperimentsFileTest.FILE, "search-smoke"));
        Path dir = out.resolve("results/search/search-smoke");
        List<String[]> rows = rows(dir.resolve("leaderboard.csv"));
        // rank,candidate,learning_rate,activation,validation_accuracy,test_accuracy,seconds,status,failure
        assertEquals(3, rows.size());
        double previous = Double.POSITIVE_INFINITY;
        for (int i = 0; i < 3; i++) {
            String[] row = rows.get(i);
            assertEquals(Integer.toString(i + 1), row[0], "ranks 1, 2, 3 in order");
            assertEquals("ok", row[7]);
            double val = Double.parseDouble(row[4]);
            assertTrue(val <= previous, "ranked by validation accuracy: " + val + " after " + previous);
            assertTrue(val > 0.3, "20 iterations of Adam learn something: " + val);
            previous = val;
            assertTrue(Double.parseDouble(row[2]) >= 1e-4 && Double.parseDouble(row[2]) <= 1e-2, row[2]);
            assertTrue(row[3].equals("relu") || row[3].equals("tanh"), row[3]);
            assertEquals(i == 0, !row[5].isEmpty(), "test accuracy is there for the winner only");
        }

        JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
        assertEquals(3, summary.get("candidates").asInt());
        assertEquals(0, summary.get("failed").asInt());
        assertEquals(Integer.parseInt(rows.get(0)[1]), summary.at("/winner/candidate").asInt());
        assertEquals(Double.parseDouble(rows.get(0)[5]), summary.at("/winner/test_accuracy").asDouble(), 1e-4);
        assertEquals(500, summary.at("/setup/images").asText().contains("500 test") ? 500 : -1);
        assertTrue(Files.readString(dir.resolve("leaderboard.md")).contains("| 1 | " + rows.get(0)[1] + " |"));
        try (var in = Files.newInputStream(dir.resolve("scores.png"))) {
            assertArrayEquals(PNG, in.readNBytes(4));
        }

        MultiLayerNetwork best = ModelSerializer.restoreMultiLayerNetwork(
                out.resolve("runs/search-smoke/best-model.zip").toFile(), false);
        assertEquals(3_274_634, best.numParams());
        assertFalse(Files.exists(out.resolve("results/cnn")), "a search writes only results/search/");
        // TensorBoard: each candidate's validation error under its name, and all three under one tag
        List<lab.core.tensorboard.EventRecord> events =
                lab.core.tensorboard.EventReader.readDirectory(out.resolve("runs/search-smoke/tensorboard"));
        assertEquals(3, events.stream().filter(r -> r.tag().startsWith("candidates/")).count());
        assertEquals(List.of(1L, 2L, 3L), events.stream().filter(r -> r.tag().equals("search/validation_error"))
                .map(r -> r.step()).toList());
    }

    @Test
    void aDivergingCandidateIsRecordedAsFailedAndTheSearchGoesOn() throws Exception {
        assertEquals(0, run(testFile(), "diverging"));
        List<String[]> rows = rows(out.resolve("results/search/diverging/leaderboard.csv"));
        // rank,candidate,learning_rate,validation_accuracy,test_accuracy,seconds,status,failure
        assertEquals(3, rows.size());
        String[] last = rows.get(2);
        assertEquals("", last[0], "a failed candidate has no rank");
        assertEquals("1.000e+06", last[2]);
        assertEquals("failed", last[6]);
        assertTrue(last[7].startsWith("diverged: loss"), last[7]);
        assertEquals("", last[3] + last[4], "no validation or test accuracy for a failed candidate");
        assertEquals("1", rows.get(0)[0]);
        assertEquals("2", rows.get(1)[0]);
        assertTrue(Double.parseDouble(rows.get(0)[3]) >= Double.parseDouble(rows.get(1)[3]));
        assertFalse(rows.get(0)[4].isEmpty(), "the winner is tested");
        assertTrue(rows.get(1)[4].isEmpty(), "the runner-up is not");
        JsonNode summary = new ObjectMapper().readTree(out.resolve("results/search/diverging/summary.json").toFile());
        assertEquals(1, summary.get("failed").asInt());
        assertEquals(2, summary.at("/plan/parallelism").asInt());
    }

    @Test
    void unknownBaseExperimentIsOneLineConfigError() throws Exception {
        ExperimentsFile file = ExperimentsFile.load(testFile(), Kinds.all());
        RunContext ctx = new RunContext(file, out, out.resolve("results"), out.resolve("runs"), out.resolve("data"));
        UserError e = assertThrows(UserError.class,
                () -> CnnSearchRunner.run("bad-base", (CnnSearch) file.get("bad-base"), ctx));
        assertEquals(UserError.USAGE, e.exitCode());
        assertEquals("search-test.yaml:23:5: base: unknown experiment 'nope' (allowed: tiny)", e.getMessage());
    }

    static Path testFile() throws URISyntaxException {
        return Path.of(SearchSmokeTest.class.getResource("/search-test.yaml").toURI());
    }
}
