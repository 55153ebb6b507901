package lab.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import lab.core.kind.RunContext;
import lab.core.config.ExperimentsFile;
import lab.core.io.Json;
import lab.core.kind.KindRegistry;
import org.deeplearning4j.util.ModelSerializer;

/** Test helpers: a context over a YAML text, and comparisons of two runs' files without their timings. */
final class Runs {
    /** The project's data directory, where the tests find MNIST. */
    static final Path DATA = Path.of("").toAbsolutePath().getParent().resolve("data");
    /** Fields that measure time or place, not what was computed. */
    static final Set<String> TIMINGS = Set.of("train_seconds", "eval_seconds", "images_per_second", "seconds");

    private Runs() {
    }

    static RunContext context(Path dir, String yaml) throws IOException {
        Files.writeString(dir.resolve("experiments.yaml"), yaml);
        ExperimentsFile file = ExperimentsFile.load(dir.resolve("experiments.yaml"), KindRegistry.discover().specTypes());
        return new RunContext(file, dir, dir.resolve("results"), dir.resolve("runs"), DATA, false);
    }

    static RunContext elsewhere(RunContext ctx, Path dir) {
        return new RunContext(ctx.experiments(), ctx.experimentsDir(), dir.resolve("results"), dir.resolve("runs"),
                ctx.cacheDir(), ctx.resume());
    }

    /** A JSON file with every timing field removed, at any depth. */
    static JsonNode withoutTimings(Path file) throws IOException {
        JsonNode node = Json.mapper().readTree(file.toFile());
        strip(node);
        return node;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove(TIMINGS);
        }
        node.forEach(Runs::strip);
    }

    /** CSV rows with the named columns dropped. */
    static List<List<String>> csvWithout(Path file, String... columns) throws IOException {
        List<String> lines = Files.readAllLines(file);
        List<String> header = List.of(lines.get(0).split(",", -1));
        List<Integer> keep = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            if (!List.of(columns).contains(header.get(i))) {
                keep.add(i);
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (String line : lines) {
            String[] cells = line.split(",", -1);
            rows.add(keep.stream().map(i -> cells[i]).toList());
        }
        return rows;
    }

    static void sameParameters(Path a, Path b) throws IOException {
        assertEquals(ModelSerializer.restoreMultiLayerNetwork(a.toFile(), true).params(),
                ModelSerializer.restoreMultiLayerNetwork(b.toFile(), true).params(), a + " vs " + b);
    }
}
