package lab.cnn.experiment;

import java.nio.file.Path;
import lab.cnn.train.TrainingRun;

/** One finished cnn run: what was asked, what it reached, where its files are. */
public record CnnOutcome(String name, CnnExperiment spec, TrainingRun run, Path resultDir, Path model) {
}
