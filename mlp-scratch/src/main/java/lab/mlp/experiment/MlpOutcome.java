package lab.mlp.experiment;

import java.nio.file.Path;
import lab.mlp.train.TrainingResult;

/** One finished mlp run: what was asked, what it reached, where its files are. */
public record MlpOutcome(String name, MlpExperiment spec, String datasetName, TrainingResult result, Path dir) {
}
