package lab.core.kind;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.core.UserError;
import lab.core.config.Check;
import lab.core.config.ExperimentSpec;
import lab.core.config.ExperimentsFile;
import org.junit.jupiter.api.Test;

/**
 * The kind seam with a kind declared only here: binding experiments.yaml text to its record
 * (errors as {@code FILE:LINE:COL: key: problem}), and running it through the registry.
 */
class KindRegistryTest {
    /** A test kind: one required number, one optional. */
    record Toy(String description, Integer size, Double rate) implements ExperimentSpec {
        Toy {
            description = description == null ? "" : description;
            size = Check.positive("size", Check.required("size", size), 1);
            rate = Check.positive("rate", rate, 0.5);
        }
    }

    record Other(String description) implements ExperimentSpec {
    }

    private final List<String> ran = new ArrayList<>();
    private final KindRegistry registry = new KindRegistry(List.of(
            ExperimentKind.of("toy", Toy.class, (name, toy, ctx) -> ran.add(name + " " + toy.size() + " " + toy.rate())),
            ExperimentKind.of("other", Other.class, (name, other, ctx) -> ran.add("other " + name))));

    private ExperimentsFile parse(String yaml) {
        return ExperimentsFile.parse("experiments.yaml", yaml, registry.specTypes());
    }

    private String error(String yaml) {
        UserError e = assertThrows(UserError.class, () -> parse(yaml));
        assertEquals(UserError.USAGE, e.exitCode());
        assertFalse(e.getMessage().contains("\n"), e.getMessage());
        return e.getMessage();
    }

    @Test
    void bindsAnEntryToItsKindsRecordAndRunsItWithItsRunner() {
        ExperimentsFile file = parse("experiments:\n  t:\n    kind: toy\n    size: 3\n  o:\n    kind: other\n");
        ExperimentSpec spec = file.get("t");
        assertEquals(new Toy("", 3, 0.5), spec);
        RunContext ctx = new RunContext(file, Path.of("."), Path.of("results"), Path.of("runs"), Path.of("data"));
        registry.run("t", spec, ctx);
        registry.run("o", file.get("o"), ctx);
        assertEquals(List.of("t 3 0.5", "other o"), ran);
    }

    @Test
    void mistakesAreOneLineWithFileLineAndColumn() {
        assertEquals("experiments.yaml:4:5: colour: unknown key (allowed: description, rate, size)",
                error("experiments:\n  t:\n    kind: toy\n    colour: red\n    size: 1\n"));
        assertEquals("experiments.yaml:4:5: size: must be > 0, got 0",
                error("experiments:\n  t:\n    kind: toy\n    size: 0\n"));
        assertTrue(error("experiments:\n  t:\n    kind: toy\n    size: many\n").startsWith("experiments.yaml:4:5: size:"));
        assertEquals("experiments.yaml:3:5: kind: unknown kind 'rnn' (allowed: other, toy)",
                error("experiments:\n  t:\n    kind: rnn\n"));
        assertTrue(error("experiments:\n  t:\n   kind: toy\n    size: 1\n").startsWith("experiments.yaml:4:"));
    }

    @Test
    void onlyAKindDeclaredWithArgumentsGetsThem() {
        List<List<String>> seen = new ArrayList<>();
        KindRegistry kinds = new KindRegistry(List.of(
                ExperimentKind.withArguments("reader", Other.class, (name, s, ctx) -> seen.add(ctx.arguments())),
                ExperimentKind.of("toy", Toy.class, (name, s, ctx) -> seen.add(ctx.arguments()))));
        ExperimentsFile file = ExperimentsFile.parse("experiments.yaml",
                "experiments:\n  r:\n    kind: reader\n  t:\n    kind: toy\n    size: 1\n", kinds.specTypes());
        RunContext ctx = new RunContext(file, Path.of("."), Path.of("results"), Path.of("runs"), Path.of("data"), true,
                List.of("a.png", "--limit", "3"));
        kinds.run("r", file.get("r"), ctx);
        assertEquals(List.of(List.of("a.png", "--limit", "3")), seen);
        UserError e = assertThrows(UserError.class, () -> kinds.run("t", file.get("t"), ctx));
        assertEquals(UserError.USAGE, e.exitCode());
        assertEquals("unknown option or argument for t: a.png --limit 3 (kind toy takes no arguments of its own; "
                + "see --help)", e.getMessage());
        assertEquals(1, seen.size(), "the runner of a kind without arguments never started");
    }

    @Test
    void aKindNameOrRecordDeclaredTwiceIsRefused() {
        ExperimentKind<Other> first = ExperimentKind.of("x", Other.class, (n, s, c) -> { });
        IllegalStateException name = assertThrows(IllegalStateException.class,
                () -> new KindRegistry(List.of(first, ExperimentKind.of("x", Toy.class, (n, s, c) -> { }))));
        assertTrue(name.getMessage().startsWith("kind 'x' is declared twice"), name.getMessage());
        IllegalStateException record = assertThrows(IllegalStateException.class,
                () -> new KindRegistry(List.of(first, ExperimentKind.of("y", Other.class, (n, s, c) -> { }))));
        assertTrue(record.getMessage().endsWith("is the record of two kinds: 'x' and 'y'"), record.getMessage());
    }

    @Test
    void discoveryFindsNoKindsWhereNoModuleDeclaresAny() {
        // lab-core's own class path has no provider: the modules bring theirs (tested in lab-cli)
        assertTrue(KindRegistry.discover().all().isEmpty());
    }
}
