package lab.mlp.report;

import java.nio.file.Path;
import lab.mlp.train.Score;
import lab.mlp.train.TrainingResult;

/**
 * One finished mlp run: what was asked (as text, so the report does not depend on the experiment
 * package that calls it), what it reached, where its files are.
 *
 * @param config e.g. "three-layer tanh [2, 3, 2] eps=0.01 λ=0.01"
 * @param train  the trained network on its training points (accuracy = the result's)
 * @param test   the trained network on held-out points, or null (no generator: CSV data)
 */
public record MlpOutcome(String name, String config, String datasetName, TrainingResult result, Path dir,
                         Score train, Score test) {
}
