package lab.cnn.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lab.cnn.data.IdxFileSet;
import lab.cnn.monitor.TensorBoardMonitor;
import lab.core.kind.RunContext;
import lab.core.config.ExperimentsFile;
import lab.core.tensorboard.EventReader;
import lab.core.tensorboard.EventRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cnn run end to end (CnnRunner, 20 iterations on 500 real MNIST images) leaves an event file
 * in {@code runs/NAME/tensorboard/} with every tag. Only where MNIST is in the project cache.
 */
class TensorBoardSmokeTest {
    private static final String YAML = """
            experiments:
              tb-smoke:
                kind: cnn
                learning_rate: 1.0e-3
                train_images: 500
                validation_images: 100
                test_images: 100
                iterations: 20
                eval_every: 10
                loss_every: 5
                monitor_every: 10
                checkpoint_every: 0
            """;

    @TempDir
    Path dir;

    @Test
    void aCnnRunWritesEveryTag() {
        Path cache = Path.of("").toAbsolutePath().getParent().resolve("data");
        assumeTrue(IdxFileSet.find(cache.resolve("mnist")).complete(), "no MNIST in " + cache.resolve("mnist"));
        ExperimentsFile file = ExperimentsFile.parse("experiments.yaml", YAML, Map.of("cnn", CnnExperiment.class));
        RunContext ctx = new RunContext(file, dir, dir.resolve("results"), dir.resolve("runs"), cache, false);

        CnnRunner.run("tb-smoke", (CnnExperiment) file.get("tb-smoke"), ctx);

        Path logDir = dir.resolve("runs/tb-smoke").resolve(TensorBoardMonitor.DIRECTORY);
        List<Path> files = EventReader.eventFiles(logDir);
        assertEquals(1, files.size());
        assertTrue(files.get(0).getFileName().toString().startsWith("events.out.tfevents."));
        Map<String, Set<Long>> steps = EventReader.read(files.get(0)).stream()
                .filter(r -> r.kind() != EventRecord.Kind.FILE_VERSION && !r.tag().isEmpty())
                .collect(Collectors.groupingBy(EventRecord::tag,
                        Collectors.mapping(EventRecord::step, Collectors.toCollection(TreeSet::new))));
        assertEquals(Set.of(1L, 5L, 10L, 15L, 20L), steps.get(TensorBoardMonitor.LOSS));
        assertEquals(Set.of(1L, 5L, 10L, 15L, 20L), steps.get(TensorBoardMonitor.LEARNING_RATE));
        assertEquals(Set.of(1L, 5L, 10L, 15L, 20L), steps.get(TensorBoardMonitor.IMAGES_PER_SECOND));
        assertEquals(Set.of(10L, 20L), steps.get(TensorBoardMonitor.VALIDATION_ERROR));
        assertEquals(Set.of(10L, 20L), steps.get(TensorBoardMonitor.TEST_ERROR));
        assertEquals(Set.of(0L, 10L, 20L), steps.get(TensorBoardMonitor.FILTERS));
        assertEquals(Set.of(10L, 20L), steps.get(TensorBoardMonitor.MISCLASSIFIED), "20 iterations leave errors");
        for (String tag : List.of("conv1/W", "conv1/b", "conv1/net_input", "conv1/activation", "conv1/pool",
                "conv2/W", "conv2/pool", "fc1/W", "fc1/activation", "output/net_input", "output/activation")) {
            assertEquals(Set.of(10L, 20L), steps.get(tag), tag);
        }
        assertEquals(7 + 18, steps.size(), "tags: " + steps.keySet());
    }
}
