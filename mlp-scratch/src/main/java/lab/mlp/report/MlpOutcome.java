package lab.mlp.report;

import java.nio.file.Path;
import lab.mlp.train.TrainingResult;

/**
 * One finished mlp run: what was asked (as text, so the report does not depend on the experiment
 * package that calls it), what it reached, where its files are.
 *
 * @param config e.g. "three-layer tanh [2, 3, 2] eps=0.01 λ=0.01"
 */
public record MlpOutcome(String name, String config, String datasetName, TrainingResult result, Path dir) {
}
