package lab.cnn.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.data.ImageSplit;
import lab.cnn.model.DeepMnistNetwork;
import lab.cnn.monitor.LayerStatsListener;
import lab.cnn.monitor.TensorBoardMonitor;
import lab.core.tensorboard.EventReader;
import lab.core.tensorboard.EventRecord;
import lab.core.tensorboard.EventRecord.Kind;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A monitored run on synthetic images: TensorBoard gets every tag at the right steps, training
 * is bit for bit the same as without any monitoring, and a resumed log continues its steps.
 */
class TensorBoardTrainingTest {
    private static final ImageSplit SPLIT = CnnTrainerTest.syntheticSplit(200, 1);
    /** 20 iterations, evaluations at 10 and 20, loss every 2; histograms every 5. */
    private static final Schedule SCHEDULE = new Schedule(20, 10, 2);
    private static final int MONITOR_EVERY = 5;

    @TempDir
    Path dir;

    private static TrainingRun train(MultiLayerNetwork net, CnnTrainer trainer) {
        return trainer.train(net, ImageDataSetIterator.shuffled(SPLIT, 20, 10, 7),
                ImageDataSetIterator.inOrder(SPLIT, 100, 10), ImageDataSetIterator.inOrder(SPLIT, 100, 10),
                SPLIT.size());
    }

    private static MultiLayerNetwork network() {
        return DeepMnistNetwork.createMonitored(CnnTrainerTest.baseline(1e-3));
    }

    @Test
    void everyTagAtItsStepsAndTrainingUnchanged() {
        MultiLayerNetwork plain = network();
        TrainingRun reference = train(plain, new CnnTrainer("plain", SCHEDULE));

        MultiLayerNetwork watched = network();
        Path logDir = dir.resolve("tensorboard");
        TrainingRun run;
        try (TensorBoardMonitor tb = TensorBoardMonitor.open(logDir, watched, -1);
             LayerStatsListener stats = new LayerStatsListener(
                     ImageDataSetIterator.inOrder(SPLIT, 50, 10).next().getFeatures(), MONITOR_EVERY, 10.0,
                     dir.resolve("layer-stats.csv")).alsoTo(tb)) {
            watched.addListeners(stats);
            run = train(watched, new CnnTrainer("watched", SCHEDULE).observe(tb));
        }

        // Training: bit for bit the run without any listener or observer.
        assertEquals(reference.loss(), run.loss());
        assertEquals(reference.evals().stream().map(e -> List.of(e.valAccuracy(), e.testAccuracy())).toList(),
                run.evals().stream().map(e -> List.of(e.valAccuracy(), e.testAccuracy())).toList());
        assertArrayEquals(plain.params().toFloatVector(), watched.params().toFloatVector());

        List<EventRecord> records = EventReader.readDirectory(logDir);
        Map<String, Set<Long>> steps = stepsByTag(records);
        Set<Long> lossSteps = new TreeSet<>(List.of(1L, 2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L, 20L));
        assertEquals(lossSteps, steps.get(TensorBoardMonitor.LOSS));
        assertEquals(lossSteps, steps.get(TensorBoardMonitor.LEARNING_RATE));
        assertEquals(lossSteps, steps.get(TensorBoardMonitor.IMAGES_PER_SECOND));
        assertEquals(Set.of(10L, 20L), steps.get(TensorBoardMonitor.VALIDATION_ERROR));
        assertEquals(Set.of(10L, 20L), steps.get(TensorBoardMonitor.TEST_ERROR));
        assertEquals(Set.of(0L, 10L, 20L), steps.get(TensorBoardMonitor.FILTERS));
        assertEquals(Set.of(10L), steps.get(TensorBoardMonitor.MISCLASSIFIED), "none left to show at 20 (0% error)");
        for (String layer : List.of("conv1", "conv2")) {
            for (String q : List.of("W", "b", "net_input", "activation", "pool")) {
                assertEquals(Set.of(5L, 10L, 15L, 20L), steps.get(layer + "/" + q), layer + "/" + q);
            }
        }
        for (String layer : List.of("fc1", "output")) {
            for (String q : List.of("W", "b", "net_input", "activation")) {
                assertEquals(Set.of(5L, 10L, 15L, 20L), steps.get(layer + "/" + q), layer + "/" + q);
            }
        }

        EventRecord lastLoss = last(records, TensorBoardMonitor.LOSS);
        assertEquals((float) reference.loss().get(reference.loss().size() - 1).loss(), lastLoss.value());
        assertEquals(1e-3, last(records, TensorBoardMonitor.LEARNING_RATE).value(), 1e-9);
        assertEquals((float) (1 - run.last().valAccuracy()), last(records, TensorBoardMonitor.VALIDATION_ERROR).value());
        EventRecord histo = last(records, "conv1/W");
        assertEquals(32 * 25, histo.histogram().count());
        assertEquals(Kind.HISTOGRAM, histo.kind());
        EventRecord filters = last(records, TensorBoardMonitor.FILTERS);
        assertEquals(8 * (5 * 8 + 2) + 2, filters.image().width(), "8 columns of 5x5 filters enlarged 8x");
        assertEquals(4 * (5 * 8 + 2) + 2, filters.image().height(), "32 filters: 4 rows");
    }

    @Test
    void aResumedLogKeepsItsStepsUpToTheCheckpointAndContinues() {
        MultiLayerNetwork net = network();
        Path logDir = dir.resolve("tensorboard");
        try (TensorBoardMonitor tb = TensorBoardMonitor.open(logDir, net, -1)) {
            train(net, new CnnTrainer("first", SCHEDULE).observe(tb));
        }
        try (TensorBoardMonitor tb = TensorBoardMonitor.open(logDir, net, 12)) {
            tb.lossRecorded(net, new LossPoint(14, 1.4, 0.5), 100);
        }
        List<Path> files = EventReader.eventFiles(logDir);
        assertEquals(2, files.size());
        List<EventRecord> resumed = EventReader.read(files.get(1));
        assertEquals(Kind.SESSION_START, resumed.get(1).kind());
        assertEquals(13, resumed.get(1).step());
        assertEquals(new TreeSet<>(List.of(1L, 2L, 4L, 6L, 8L, 10L, 12L, 14L)),
                stepsByTag(EventReader.readDirectory(logDir)).get(TensorBoardMonitor.LOSS),
                "steps 14-20 of the first session dropped, 14 written again");
        assertTrue(EventReader.read(files.get(0)).stream().allMatch(r -> r.step() <= 12));
    }

    /** A run started over deletes the old log. */
    @Test
    void aFreshRunStartsANewLog() {
        MultiLayerNetwork net = network();
        Path logDir = dir.resolve("tensorboard");
        TensorBoardMonitor.open(logDir, net, -1).close();
        TensorBoardMonitor.open(logDir, net, -1).close();
        assertEquals(1, EventReader.eventFiles(logDir).size());
    }

    static Map<String, Set<Long>> stepsByTag(List<EventRecord> records) {
        return records.stream().filter(r -> !r.tag().isEmpty() && r.kind() != Kind.FILE_VERSION)
                .collect(Collectors.groupingBy(EventRecord::tag, TreeMap::new,
                        Collectors.mapping(EventRecord::step, Collectors.toCollection(TreeSet::new))));
    }

    private static EventRecord last(List<EventRecord> records, String tag) {
        return records.stream().filter(r -> r.tag().equals(tag)).reduce((a, b) -> b).orElseThrow();
    }
}
