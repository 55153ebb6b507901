package lab.mlp.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import lab.core.kind.RunContext;
import lab.core.UserError;
import lab.core.config.ExperimentSpec;
import lab.core.config.ExperimentsFile;
import lab.core.search.SearchSummary;
import lab.mlp.experiment.MlpExperiment;
import lab.mlp.model.Activation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MlpSearchRunnerTest {
    static final Map<String, Class<? extends ExperimentSpec>> KINDS = Map.of("mlp", MlpExperiment.class,
            "mlp-search", MlpSearch.class);

    @TempDir
    Path out;

    RunContext context(String yaml) {
        return new RunContext(ExperimentsFile.parse("e.yaml", yaml, KINDS), out, out.resolve("results"),
                out.resolve("runs"), out.resolve("data"));
    }

    @Test
    void splitsAreThreeDisjointDrawsOfTheBaseDistribution() {
        RunContext ctx = context("experiments:\n  a:\n    kind: mlp\n    layers: [2, 3, 2]\n");
        MlpExperiment base = (MlpExperiment) ctx.experiments().get("a");
        SearchSplits splits = SearchSplits.of("a", base.dataset(), ctx);
        assertEquals(200, splits.train().size());
        assertEquals(200, splits.validation().size());
        assertEquals(200, splits.test().size());
        Set<String> points = new HashSet<>();
        for (var d : List.of(splits.train(), splits.validation(), splits.test())) {
            for (int i = 0; i < d.size(); i++) {
                assertTrue(points.add(d.feature(i, 0) + "," + d.feature(i, 1)), "a point in two splits");
            }
        }
    }

    @Test
    void candidateIsAnNLayerNetOfDepthTimesWidth() {
        RunContext ctx = context("experiments:\n  a:\n    kind: mlp\n    layers: [2, 3, 2]\n");
        MlpExperiment base = (MlpExperiment) ctx.experiments().get("a");
        SearchSplits splits = SearchSplits.of("a", base.dataset(), ctx);
        MlpExperiment c = MlpSearchRunner.candidate(base, 100, Map.of("hidden_width", 7, "hidden_layers", 3,
                "activation", Activation.RELU, "reg_lambda", 0.0), splits.train());
        assertEquals(List.of(2, 7, 7, 7, 2), c.layers());
        assertEquals(Activation.RELU, c.activation());
        assertEquals(0.0, c.regLambda());
        assertEquals(100, c.passes());
        assertEquals(base.seed(), c.seed());
    }

    @Test
    void gridSearchRanksAndTestsOnlyTheWinner() throws Exception {
        RunContext ctx = context("""
                experiments:
                  a:
                    kind: mlp
                    layers: [2, 3, 2]
                  s:
                    kind: mlp-search
                    base: a
                    generator: grid
                    passes: 300
                    parallelism: 2
                    parameters:
                      hidden_width: {values: [2, 8]}
                      epsilon: {values: [0.01, 1000]}
                """);
        SearchSummary summary = MlpSearchRunner.run("s", (MlpSearch) ctx.experiments().get("s"), ctx);
        assertEquals(4, summary.candidates());
        assertTrue(summary.failed() >= 1, "epsilon 1000 diverges");
        assertEquals(0.01, (Double) summary.winner().parameters().get("epsilon"));
        List<String> lines = Files.readAllLines(out.resolve("results/search/s/leaderboard.csv"));
        assertEquals(5, lines.size());
        assertEquals(1, lines.stream().skip(1).filter(l -> !l.split(",", -1)[5].isEmpty()).count(),
                "one test accuracy: the winner's");
        assertTrue(lines.get(4).contains(",failed,diverged"), lines.get(4));
        assertTrue(Files.exists(out.resolve("results/search/s/scores.png")));
        assertFalse(Files.exists(out.resolve("runs")), "nothing saved for an mlp winner");
    }

    @Test
    void csvDatasetIsRefusedWithItsLocation() {
        RunContext ctx = context("experiments:\n  a:\n    kind: mlp\n    layers: [2, 3, 2]\n"
                + "    dataset: {type: csv, path: x.csv}\n  s:\n    kind: mlp-search\n    base: a\n"
                + "    generator: grid\n    parameters:\n      hidden_width: {values: [2]}\n");
        UserError e = assertThrows(UserError.class,
                () -> MlpSearchRunner.run("s", (MlpSearch) ctx.experiments().get("s"), ctx));
        assertEquals(UserError.USAGE, e.exitCode());
        assertTrue(e.getMessage().startsWith("e.yaml:5:15: type: an mlp search needs a generated dataset"),
                e.getMessage());
    }
}
