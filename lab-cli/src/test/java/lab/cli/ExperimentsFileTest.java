package lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lab.core.UserError;
import lab.core.config.ExperimentsFile;
import lab.mlp.experiment.BlobsSpec;
import lab.mlp.experiment.CirclesSpec;
import lab.mlp.experiment.CsvSpec;
import lab.mlp.experiment.MoonsSpec;
import lab.mlp.experiment.MlpBench;
import lab.mlp.experiment.MlpExperiment;
import lab.mlp.experiment.MlpGallery;
import lab.mlp.experiment.NetworkType;
import lab.mlp.model.Activation;
import lab.mlp.train.GradientScale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Binding of experiments.yaml text: every mistake is one line {@code experiments.yaml:LINE:COL: key: problem}. */
class ExperimentsFileTest {
    private static final String FILE = "experiments.yaml";
    private static final String ALL_KINDS = String.join(", ", new java.util.TreeSet<>(Kinds.all().keySet()));
    private static final String MLP_KEYS = "activation, batch_size, dataset, description, epsilon, frames_every, gradient, layers, "
            + "leaky_alpha, network, optimizer, passes, record_every, reg_lambda, seed";
    private static final Pattern PREFIX = Pattern.compile("^experiments\\.yaml:(\\d+):(\\d+): ([^:]+): .+$");

    static ExperimentsFile parse(String yaml) {
        return ExperimentsFile.parse(FILE, yaml, Kinds.all());
    }

    /** One mlp experiment named {@code a}; {@code body} lines are indented by four spaces. Line 4 is body's first. */
    static String mlp(String... body) {
        StringBuilder sb = new StringBuilder("experiments:\n  a:\n    kind: mlp\n");
        for (String line : body) {
            sb.append("    ").append(line).append('\n');
        }
        return sb.toString();
    }

    /** One cnn search named {@code s} over base {@code adam}; {@code body} starts at line 5, indented by four. */
    static String search(String... body) {
        StringBuilder sb = new StringBuilder("experiments:\n  s:\n    kind: search\n    base: adam\n");
        for (String line : body) {
            sb.append("    ").append(line).append('\n');
        }
        return sb.toString();
    }

    static UserError parseError(String yaml) {
        return assertThrows(UserError.class, () -> parse(yaml));
    }

    /** Exit code 2, one line, and the {@code experiments.yaml:LINE:COL: key:} prefix. */
    static void assertConfigError(UserError e, int line, int col, String key) {
        String msg = e.getMessage();
        assertEquals(UserError.USAGE, e.exitCode(), msg);
        assertFalse(msg.contains("\n") || msg.contains("\r"), "not one line: " + msg);
        Matcher m = PREFIX.matcher(msg);
        assertTrue(m.matches(), "not FILE:LINE:COL: key: problem: " + msg);
        assertEquals(line + ":" + col + ":" + key, m.group(1) + ":" + m.group(2) + ":" + m.group(3), msg);
    }

    static Stream<Arguments> badFiles() {
        return Stream.of(
                Arguments.of("bad indentation",
                        "experiments:\n  a:\n    kind: mlp\n   layers: [2, 3, 2]\n",
                        4, 4, "YAML syntax",
                        "experiments.yaml:4:4: YAML syntax: expected <block end>, but found '<block mapping start>'"),
                Arguments.of("unclosed bracket",
                        mlp("layers: [2, 3, 2"),
                        5, 1, "YAML syntax",
                        "experiments.yaml:5:1: YAML syntax: expected ',' or ']', but got <stream end>"),
                Arguments.of("tab indentation",
                        "experiments:\n  a:\n\tkind: mlp\n",
                        3, 1, "YAML syntax", null),
                Arguments.of("unknown key in mlp lists allowed keys",
                        mlp("layers: [2, 3, 2]", "hidden: 3"),
                        5, 5, "hidden",
                        "experiments.yaml:5:5: hidden: unknown key (allowed: " + MLP_KEYS + ")"),
                Arguments.of("a misspelt required key is reported as unknown, not as missing",
                        mlp("layrs: [2, 3, 2]"),
                        4, 5, "layrs", "experiments.yaml:4:5: layrs: unknown key (allowed: " + MLP_KEYS + ")"),
                Arguments.of("unknown key in the second experiment points at it",
                        "experiments:\n  b:\n    kind: mlp\n    layers: [2, 3, 2]\n"
                                + "  a:\n    kind: mlp\n    layers: [2, 3, 2]\n    colour: red\n",
                        8, 5, "colour",
                        "experiments.yaml:8:5: colour: unknown key (allowed: " + MLP_KEYS + ")"),
                Arguments.of("passes: many",
                        mlp("layers: [2, 3, 2]", "passes: many"),
                        5, 5, "passes", "experiments.yaml:5:5: passes: expected a whole number"),
                Arguments.of("passes: 1.5",
                        mlp("layers: [2, 3, 2]", "passes: 1.5"),
                        5, 5, "passes", "experiments.yaml:5:5: passes: expected a whole number, got '1.5'"),
                Arguments.of("layers: 3",
                        mlp("layers: 3"),
                        4, 5, "layers", "experiments.yaml:4:5: layers: expected a list, e.g. [2, 3, 2]"),
                Arguments.of("epsilon: -1",
                        mlp("layers: [2, 3, 2]", "epsilon: -1"),
                        5, 5, "epsilon", "experiments.yaml:5:5: epsilon: must be a finite number > 0, got -1.0"),
                Arguments.of("epsilon: 0",
                        mlp("layers: [2, 3, 2]", "epsilon: 0"),
                        5, 5, "epsilon", "experiments.yaml:5:5: epsilon: must be a finite number > 0, got 0.0"),
                Arguments.of("epsilon checked even when kind comes last",
                        "experiments:\n  a:\n    layers: [2, 3, 2]\n    epsilon: 0\n    kind: mlp\n",
                        4, 5, "epsilon", "experiments.yaml:4:5: epsilon: must be a finite number > 0, got 0.0"),
                Arguments.of("layers: [2, 0, 2]",
                        mlp("layers: [2, 0, 2]"),
                        4, 5, "layers", "experiments.yaml:4:5: layers: sizes must be > 0, got 0 at position 1"),
                Arguments.of("passes: 0",
                        mlp("layers: [2, 3, 2]", "passes: 0"),
                        5, 5, "passes", "experiments.yaml:5:5: passes: must be > 0, got 0"),
                Arguments.of("reg_lambda: -0.1",
                        mlp("layers: [2, 3, 2]", "reg_lambda: -0.1"),
                        5, 5, "reg_lambda", "experiments.yaml:5:5: reg_lambda: must be a finite number >= 0, got -0.1"),
                Arguments.of("activation: softplus lists the allowed activations",
                        mlp("layers: [2, 3, 2]", "activation: softplus"),
                        5, 5, "activation", "experiments.yaml:5:5: activation: unknown value 'softplus' "
                                + "(allowed: tanh, sigmoid, relu, leaky-relu, identity)"),
                Arguments.of("unknown dataset type",
                        mlp("layers: [2, 3, 2]", "dataset: {type: spirals}"),
                        5, 15, "type", "experiments.yaml:5:15: type: unknown value 'spirals' "
                                + "(allowed: moons, blobs, circles, csv)"),
                Arguments.of("dataset without a type lists the types",
                        mlp("layers: [2, 3, 2]", "dataset: {n: 50}"),
                        5, 5, "type", "experiments.yaml:5:5: type: is required "
                                + "(one of: moons, blobs, circles, csv)"),
                Arguments.of("a generator's key on csv is unknown for csv",
                        mlp("layers: [2, 3, 2]", "dataset: {type: csv, path: x.csv, n: 3}"),
                        5, 39, "n", "experiments.yaml:5:39: n: unknown key (allowed for type csv: path)"),
                Arguments.of("blobs: more centers than points",
                        mlp("layers: [2, 3, 2]", "dataset: {type: blobs, n: 3, centers: 4}"),
                        5, 34, "centers", "experiments.yaml:5:34: centers: must be <= n (3), got 4"),
                Arguments.of("cnn: learning rate must be positive",
                        "experiments:\n  c:\n    kind: cnn\n    learning_rate: 0\n",
                        4, 5, "learning_rate", "experiments.yaml:4:5: learning_rate: must be a finite number > 0, got 0.0"),
                Arguments.of("cnn: checkpoint interval must not be negative",
                        "experiments:\n  c:\n    kind: cnn\n    checkpoint_every: -1\n",
                        4, 5, "checkpoint_every", "experiments.yaml:4:5: checkpoint_every: must be >= 0, got -1"),
                Arguments.of("cnn: at least one checkpoint is kept",
                        "experiments:\n  c:\n    kind: cnn\n    keep_checkpoints: 0\n",
                        4, 5, "keep_checkpoints", "experiments.yaml:4:5: keep_checkpoints: must be > 0, got 0"),
                Arguments.of("cnn: unknown activation lists the allowed ones",
                        "experiments:\n  c:\n    kind: cnn\n    activation: swish\n",
                        4, 5, "activation", "experiments.yaml:4:5: activation: unknown value 'swish' "
                                + "(allowed: relu, leakyrelu, tanh, sigmoid, maxout)"),
                Arguments.of("cnn: unknown updater lists the allowed ones",
                        "experiments:\n  c:\n    kind: cnn\n    updater: rmsprop\n",
                        4, 5, "updater", "experiments.yaml:4:5: updater: unknown value 'rmsprop' "
                                + "(allowed: adam, adagrad, sgd, momentum)"),
                Arguments.of("cnn: momentum only with the momentum updater",
                        "experiments:\n  c:\n    kind: cnn\n    updater: adam\n    momentum: 0.9\n",
                        5, 5, "momentum", "experiments.yaml:5:5: momentum: only applies with updater momentum"),
                Arguments.of("cnn: epochs or iterations, not both",
                        "experiments:\n  c:\n    kind: cnn\n    epochs: 2\n    iterations: 100\n",
                        5, 5, "iterations", "experiments.yaml:5:5: iterations: give epochs or iterations, not both"),
                Arguments.of("cnn: batch size must be a whole number",
                        "experiments:\n  c:\n    kind: cnn\n    batch_size: 12.5\n",
                        4, 5, "batch_size", null),
                Arguments.of("cnn: idx dataset needs a path",
                        "experiments:\n  c:\n    kind: cnn\n    dataset: {type: idx}\n",
                        4, 5, "path", "experiments.yaml:4:5: path: is required for type idx "
                                + "(a directory holding the four IDX files)"),
                Arguments.of("cnn: mnist takes no path",
                        "experiments:\n  c:\n    kind: cnn\n    dataset: {type: mnist, path: x}\n",
                        4, 28, "path", "experiments.yaml:4:28: path: unknown key (type mnist takes no other keys)"),
                Arguments.of("cnn: unknown dataset type lists the types",
                        "experiments:\n  c:\n    kind: cnn\n    dataset: {type: cifar}\n",
                        4, 15, "type", "experiments.yaml:4:15: type: unknown value 'cifar' (allowed: mnist, idx)"),
                Arguments.of("cnn: idx classes are single bytes",
                        "experiments:\n  c:\n    kind: cnn\n    dataset: {type: idx, path: d, classes: 1}\n",
                        4, 35, "classes", "experiments.yaml:4:35: classes: must be 2..256 (labels are single bytes), "
                                + "got 1"),
                Arguments.of("unknown kind",
                        "experiments:\n  a:\n    kind: rnn\n    layers: [2, 3, 2]\n",
                        3, 5, "kind", "experiments.yaml:3:5: kind: unknown kind 'rnn' (allowed: " + ALL_KINDS + ")"),
                Arguments.of("missing kind",
                        "experiments:\n  a:\n    layers: [2, 3, 2]\n",
                        2, 3, "kind", "experiments.yaml:2:3: kind: is required (one of: " + ALL_KINDS + ")"),
                Arguments.of("empty experiment",
                        "experiments:\n  a:\n",
                        2, 3, "a", "experiments.yaml:2:3: a: empty experiment (it needs at least 'kind')"),
                Arguments.of("mlp without layers",
                        "experiments:\n  a:\n    kind: mlp\n",
                        2, 3, "layers", "experiments.yaml:2:3: layers: must be a non-empty list"),
                // the prefix is right; the problem text names the wrong type (see datasetKeyRejectionNamesTheType)
                Arguments.of("centers on moons (flow mapping)",
                        mlp("layers: [2, 3, 2]", "dataset: {type: moons, centers: 2}"),
                        5, 28, "centers", null),
                Arguments.of("path on moons (block mapping)",
                        mlp("layers: [2, 3, 2]", "dataset:", "  type: moons", "  path: x.csv"),
                        7, 7, "path", null),
                Arguments.of("csv without path",
                        mlp("layers: [2, 3, 2]", "dataset: {type: csv}"),
                        5, 5, "path", "experiments.yaml:5:5: path: is required"),
                Arguments.of("three-layer network with 4 layer sizes",
                        mlp("network: three-layer", "layers: [2, 3, 3, 2]"),
                        4, 5, "network",
                        "experiments.yaml:4:5: network: three-layer needs exactly 3 layer sizes, got [2, 3, 3, 2]"),
                Arguments.of("no experiments: key",
                        "other: 1\n",
                        1, 1, "other", "experiments.yaml:1:1: other: unknown key (allowed: experiments)"),
                Arguments.of("experiments: with nothing under it",
                        "experiments:\n",
                        1, 1, "experiments", "experiments.yaml:1:1: experiments: no experiments defined "
                                + "(expected a top-level 'experiments:' mapping)"),
                Arguments.of("experiments: a list",
                        "experiments: [a, b]\n",
                        1, 1, "experiments", "experiments.yaml:1:1: experiments: expected a mapping of keys to values"),
                Arguments.of("unknown key in a gallery section",
                        "experiments:\n  g:\n    kind: mlp-gallery\n    sections:\n      - title: x\n        runs: [a]\n        foo: 1\n",
                        7, 9, "foo", "experiments.yaml:7:9: foo: unknown key (allowed: comparison, loss_overlay, note, ordered, runs, title)"),
                Arguments.of("bench with no runs",
                        "experiments:\n  g:\n    kind: mlp-bench\n    runs: []\n",
                        4, 5, "runs", "experiments.yaml:4:5: runs: must be a non-empty list"),
                Arguments.of("bench with an empty entry in runs",
                        "experiments:\n  g:\n    kind: mlp-bench\n    runs: [a, ~]\n",
                        4, 5, "runs", "experiments.yaml:4:5: runs: must not contain empty entries"),
                Arguments.of("search: unknown parameter name",
                        search("max_candidates: 2", "parameters:", "  momentum_x: {min: 0.1, max: 0.2}"),
                        7, 7, "momentum_x", "experiments.yaml:7:7: momentum_x: unknown key (allowed: activation, "
                                + "batch_size, dropout_keep, fc_width, learning_rate, updater, weight_init)"),
                Arguments.of("search: empty choice list",
                        search("max_candidates: 2", "parameters:", "  activation: []"),
                        7, 7, "activation", "experiments.yaml:7:7: activation: must be a non-empty list"),
                Arguments.of("search: unknown choice",
                        search("max_candidates: 2", "parameters:", "  activation: [relu, swish]"),
                        7, 26, "1", "experiments.yaml:7:26: 1: unknown value 'swish' (allowed: relu, leakyrelu, "
                                + "tanh, sigmoid, maxout)"),
                Arguments.of("search: min >= max",
                        search("max_candidates: 2", "parameters:", "  learning_rate: {min: 0.01, max: 0.001}"),
                        7, 34, "max", "experiments.yaml:7:34: max: must be > min (0.01), got 0.001"),
                Arguments.of("search: log range with min <= 0",
                        search("max_candidates: 2", "parameters:", "  learning_rate: {min: 0, max: 0.01, scale: log}"),
                        7, 23, "min", "experiments.yaml:7:23: min: must be > 0 for scale log, got 0.0"),
                Arguments.of("search: unknown scale",
                        search("max_candidates: 2", "parameters:", "  learning_rate: {min: 1, max: 2, scale: ln}"),
                        7, 39, "scale", "experiments.yaml:7:39: scale: unknown value 'ln' (allowed: linear, log)"),
                Arguments.of("search: both values and a range",
                        search("max_candidates: 2", "parameters:", "  fc_width: {min: 1, max: 2, values: [4]}"),
                        7, 34, "values", "experiments.yaml:7:34: values: give either values or min/max, not both"),
                Arguments.of("search: dropout_keep outside (0, 1]",
                        search("max_candidates: 2", "parameters:", "  dropout_keep: {min: 0.5, max: 1.5}"),
                        7, 7, "dropout_keep",
                        "experiments.yaml:7:7: dropout_keep: values must be in (0, 1], got 0.5 to 1.5"),
                Arguments.of("search: unknown generator",
                        search("generator: bayes", "max_candidates: 2", "parameters:", "  activation: [relu]"),
                        5, 5, "generator",
                        "experiments.yaml:5:5: generator: unknown value 'bayes' (allowed: random, grid)"),
                Arguments.of("search: max_candidates 0",
                        search("max_candidates: 0", "parameters:", "  activation: [relu]"),
                        5, 5, "max_candidates", "experiments.yaml:5:5: max_candidates: must be > 0, got 0"),
                Arguments.of("search: max_minutes -1",
                        search("max_minutes: -1", "parameters:", "  activation: [relu]"),
                        5, 5, "max_minutes",
                        "experiments.yaml:5:5: max_minutes: must be a finite number > 0, got -1.0"),
                Arguments.of("search: random search without a budget",
                        search("parameters:", "  activation: [relu]"),
                        2, 3, "max_candidates", "experiments.yaml:2:3: max_candidates: is required for generator "
                                + "random (or give max_minutes)"),
                Arguments.of("search: parallelism 0",
                        search("max_candidates: 2", "parallelism: 0", "parameters:", "  activation: [relu]"),
                        6, 5, "parallelism", "experiments.yaml:6:5: parallelism: must be between 1 and 16, got 0"),
                Arguments.of("search: grid_points without generator grid",
                        search("max_candidates: 2", "grid_points: 4", "parameters:", "  activation: [relu]"),
                        6, 5, "grid_points", "experiments.yaml:6:5: grid_points: only applies with generator grid"),
                Arguments.of("search: no parameters",
                        search("max_candidates: 2"),
                        2, 3, "parameters", "experiments.yaml:2:3: parameters: is required"),
                Arguments.of("search: nothing varied",
                        search("max_candidates: 2", "parameters: {}"),
                        6, 5, "learning_rate", "experiments.yaml:6:5: learning_rate: give at least one parameter "
                                + "to vary (learning_rate, activation, updater, weight_init, dropout_keep, fc_width, "
                                + "batch_size)"),
                Arguments.of("mlp-search: unknown parameter name",
                        "experiments:\n  m:\n    kind: mlp-search\n    base: a\n    generator: grid\n"
                                + "    parameters:\n      width: {values: [3, 5]}\n",
                        7, 7, "width", "experiments.yaml:7:7: width: unknown key (allowed: activation, epsilon, "
                                + "hidden_layers, hidden_width, reg_lambda)"),
                Arguments.of("mlp-search: hidden_layers 0",
                        "experiments:\n  m:\n    kind: mlp-search\n    base: a\n    generator: grid\n"
                                + "    parameters:\n      hidden_layers: {min: 0, max: 2}\n",
                        7, 7, "hidden_layers", "experiments.yaml:7:7: hidden_layers: values must be >= 1, got 0"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badFiles")
    void badFileIsOneLineUsageError(String label, String yaml, int line, int col, String key, String exact) {
        UserError e = parseError(yaml);
        assertConfigError(e, line, col, key);
        if (exact != null) {
            assertEquals(exact, e.getMessage());
        }
    }

    @Test
    void datasetKeyRejectionNamesTheType() {
        assertEquals("experiments.yaml:5:28: centers: unknown key (allowed for type moons: n, noise, seed)",
                parseError(mlp("layers: [2, 3, 2]", "dataset: {type: moons, centers: 2}")).getMessage());
        assertEquals("experiments.yaml:7:7: path: unknown key (allowed for type moons: n, noise, seed)",
                parseError(mlp("layers: [2, 3, 2]", "dataset:", "  type: moons", "  path: x.csv")).getMessage());
    }

    @Test
    void duplicateExperimentNamePointsAtTheDuplicate() {
        UserError e = parseError(mlp("layers: [2, 3, 2]") + "  a:\n    kind: mlp\n    layers: [2, 3, 2]\n");
        assertConfigError(e, 5, 3, "a");
        assertTrue(e.getMessage().toLowerCase().contains("duplicate"), e.getMessage());
    }

    @Test
    void duplicateKeyPointsAtTheDuplicate() {
        UserError e = parseError(mlp("layers: [2, 3, 2]", "layers: [2, 4, 2]"));
        assertConfigError(e, 5, 5, "layers");
        assertTrue(e.getMessage().toLowerCase().contains("duplicate"), e.getMessage());
    }

    @Test
    void emptyFileHasLocation() {
        for (String yaml : List.of("", "# nothing here\n")) {
            UserError e = parseError(yaml);
            assertConfigError(e, 1, 1, "experiments");
            assertEquals("experiments.yaml:1:1: experiments: no experiments defined "
                    + "(expected a top-level 'experiments:' mapping)", e.getMessage());
        }
    }

    @Test
    void emptyFileIsOneLineUsageError() {
        for (String yaml : List.of("", "# nothing here\n")) {
            UserError e = parseError(yaml);
            assertEquals(UserError.USAGE, e.exitCode());
            assertFalse(e.getMessage().contains("\n"), e.getMessage());
            assertTrue(e.getMessage().startsWith("experiments.yaml:"), e.getMessage());
            assertTrue(e.getMessage().contains("experiments"), e.getMessage());
        }
    }

    @Test
    void minimalMlpTakesTheAssignmentDefaults() {
        ExperimentsFile file = parse(mlp("layers: [2, 3, 2]"));
        assertEquals(List.of("a"), List.copyOf(file.names()));
        MlpExperiment a = assertInstanceOf(MlpExperiment.class, file.get("a"));
        assertEquals("", a.description());
        assertEquals(List.of(2, 3, 2), a.layers());
        assertEquals(0.01, a.epsilon());
        assertEquals(0.01, a.regLambda());
        assertEquals(20_000, a.passes());
        assertEquals(Activation.TANH, a.activation());
        assertEquals(NetworkType.N_LAYER, a.network());
        assertEquals(GradientScale.SUM, a.gradient());
        assertEquals(0, a.batchSize());
        assertEquals(100, a.recordEvery());
        assertEquals(0L, a.seed());
        assertEquals(0.01, a.leakyAlpha());
        MoonsSpec d = (MoonsSpec) a.dataset();
        assertEquals(200, d.n());
        assertEquals(0.2, d.noise());
        assertEquals(0L, d.seed());
        assertEquals(new MoonsSpec(200, 0.2, 0L), d);
    }

    @Test
    void everyKeyBinds() {
        ExperimentsFile file = parse("""
                experiments:
                  full:
                    kind: mlp
                    description: all keys set
                    dataset: {type: circles, n: 50, noise: 0.05, factor: 0.3, seed: 7}
                    layers: [2, 4, 4, 2]
                    activation: leaky-relu
                    leaky_alpha: 0.1
                    epsilon: 0.05
                    reg_lambda: 0
                    passes: 300
                    seed: 3
                    gradient: mean
                    batch_size: 10
                    record_every: 5
                  three:
                    kind: mlp
                    network: three-layer
                    layers: [2, 5, 2]
                    dataset: {type: blobs}
                  csv:
                    kind: mlp
                    dataset: {type: csv, path: data/x.csv}
                    layers: [2, 2]
                """);
        assertEquals(List.of("full", "three", "csv"), List.copyOf(file.names()));
        MlpExperiment full = (MlpExperiment) file.get("full");
        assertEquals("all keys set", full.description());
        assertEquals(new CirclesSpec(50, 0.05, 7L, 0.3), full.dataset());
        assertEquals(List.of(2, 4, 4, 2), full.layers());
        assertEquals(Activation.LEAKY_RELU, full.activation());
        assertEquals(0.1, full.leakyAlpha());
        assertEquals(0.05, full.epsilon());
        assertEquals(0.0, full.regLambda());
        assertEquals(300, full.passes());
        assertEquals(3L, full.seed());
        assertEquals(GradientScale.MEAN, full.gradient());
        assertEquals(10, full.batchSize());
        assertEquals(5, full.recordEvery());

        MlpExperiment three = (MlpExperiment) file.get("three");
        assertEquals(NetworkType.THREE_LAYER, three.network());
        assertEquals(new BlobsSpec(200, 0L, 2, 1.0), three.dataset());

        MlpExperiment csv = (MlpExperiment) file.get("csv");
        assertEquals(new CsvSpec("data/x.csv"), csv.dataset());
    }

    @Test
    void galleryAndBenchBind() {
        ExperimentsFile file = parse("""
                experiments:
                  a:
                    kind: mlp
                    layers: [2, 3, 2]
                  g:
                    kind: mlp-gallery
                    sections:
                      - title: one
                        runs: [a]
                  b:
                    kind: mlp-bench
                    runs: [a, a]
                    threads: 1
                """);
        MlpGallery g = (MlpGallery) file.get("g");
        assertEquals("mlp-scratch gallery", g.title());
        assertEquals(1, g.sections().size());
        assertEquals("one", g.sections().get(0).title());
        assertEquals(List.of("a"), g.sections().get(0).runs());
        assertEquals(false, g.sections().get(0).ordered());
        MlpBench b = (MlpBench) file.get("b");
        assertEquals(List.of("a", "a"), b.runs());
        assertEquals(1, b.threads());
        assertEquals(1, b.warmup());
        assertEquals(3, b.rounds());
    }

    @Test
    void recordsAcceptImmutableLists() {
        assertEquals(List.of("a"), new MlpGallery.Section("one", List.of("a"), false, null, null, null).runs());
        assertEquals(List.of(2, 3, 2), new MlpExperiment(null, null, List.of(2, 3, 2), null, null, null, null, null,
                null, null, null, null, null, null, null).layers());
    }

    @Test
    void getUnknownNameIsUsageErrorListingKnownNames() {
        ExperimentsFile file = parse(mlp("layers: [2, 3, 2]") + "  b:\n    kind: mlp\n    layers: [2, 4, 2]\n");
        UserError e = assertThrows(UserError.class, () -> file.get("nope"));
        assertEquals(UserError.USAGE, e.exitCode());
        assertEquals("unknown experiment 'nope' in experiments.yaml (known: a, b)", e.getMessage());
    }

    @Test
    void referenceOfWrongKindNamesTheReferrer() {
        ExperimentsFile file = parse("""
                experiments:
                  a:
                    kind: mlp
                    layers: [2, 3, 2]
                  b:
                    kind: mlp-bench
                    runs: [a, b]
                """);
        UserError e = assertThrows(UserError.class,
                () -> file.reference("b", MlpExperiment.class, List.of("experiments", "b", "runs", "1")));
        assertEquals(UserError.USAGE, e.exitCode());
        assertEquals("experiments.yaml:7:15: 1: 'b' is not of the right kind (allowed: a)", e.getMessage());
    }
}
