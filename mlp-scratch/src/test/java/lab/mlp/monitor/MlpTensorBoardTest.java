package lab.mlp.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lab.core.config.ExperimentsFile;
import lab.core.kind.RunContext;
import lab.core.tensorboard.EventReader;
import lab.core.tensorboard.EventRecord;
import lab.mlp.experiment.MlpExperiment;
import lab.mlp.experiment.MlpRunner;
import lab.mlp.report.MlpOutcome;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A small mlp run's TensorBoard log holds loss.csv's points as scalars and the GIF's frames as images. */
class MlpTensorBoardTest {
    static final String YAML = """
            experiments:
              small:
                kind: mlp
                layers: [2, 3, 2]
                dataset: {type: moons, n: 60}
                passes: 300
                record_every: 50
                frames_every: 100
            """;

    @TempDir
    Path dir;

    @Test
    void scalarsMatchLossCsvAndFramesAreImages() throws IOException {
        RunContext ctx = new RunContext(ExperimentsFile.parse("e.yaml", YAML, Map.of("mlp", MlpExperiment.class)),
                dir, dir.resolve("results"), dir.resolve("runs"), dir.resolve("data"));
        Path logDir = dir.resolve("runs/small/tensorboard");
        Files.createDirectories(logDir);
        Path stale = Files.writeString(logDir.resolve("events.out.tfevents.1.old"), "");

        MlpOutcome outcome = MlpRunner.run("small", (MlpExperiment) ctx.experiments().get("small"), ctx);

        assertFalse(Files.exists(stale), "a fresh run deletes the old event files");
        List<Path> files = EventReader.eventFiles(logDir);
        assertEquals(1, files.size());
        List<EventRecord> records = EventReader.read(files.get(0));
        List<String> csv = Files.readAllLines(dir.resolve("results/mlp/small/loss.csv"));
        List<String[]> rows = csv.subList(1, csv.size()).stream().map(l -> l.split(",")).toList();
        assertEquals(List.of("0", "50", "100", "150", "200", "250", "300"), rows.stream().map(r -> r[0]).toList());
        for (int column = 1; column <= 2; column++) {
            String tag = column == 1 ? MlpTensorBoard.LOSS : MlpTensorBoard.ACCURACY;
            List<EventRecord> scalars = records.stream().filter(r -> r.tag().equals(tag)).toList();
            assertEquals(rows.size(), scalars.size(), tag);
            for (int i = 0; i < rows.size(); i++) {
                assertEquals(Long.parseLong(rows.get(i)[0]), scalars.get(i).step(), tag);
                double exact = column == 1 ? outcome.result().curve().get(i).loss()
                        : outcome.result().curve().get(i).accuracy();
                assertEquals((float) exact, scalars.get(i).value(), 0.0, tag + " is the curve's value as a float");
                assertEquals(Double.parseDouble(rows.get(i)[column]), scalars.get(i).value(), 1e-6, tag + " = loss.csv");
            }
        }
        List<EventRecord> images = records.stream().filter(r -> r.kind() == EventRecord.Kind.IMAGE).toList();
        assertEquals(List.of(0L, 100L, 200L, 300L), images.stream().map(EventRecord::step).toList());
        assertEquals(List.of(MlpTensorBoard.BOUNDARY), images.stream().map(EventRecord::tag).distinct().toList());
    }
}
