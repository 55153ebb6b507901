package lab.mlp.report;

import java.util.List;
import lab.mlp.train.TrainingResult;

/**
 * metrics.json of one mlp run. {@code final_loss}, {@code train_accuracy}, {@code train_seconds}
 * and {@code diverged} are a stable contract.
 */
public record MlpMetrics(String experiment, String description, String command, Object config, DatasetInfo dataset,
                         String network, int parameters, double finalLoss, double trainAccuracy, double trainSeconds,
                         boolean diverged, String divergence, Integer divergedAtPass, int passesRun, double bestLoss,
                         int bestLossPass, Environment environment) {

    public record DatasetInfo(String name, int size, int features, int classes, List<Integer> classLabels) {
    }

    /** Where the numbers were made: timings depend on it, losses only on the vector width. */
    public record Environment(String java, int cores, int vectorLanes) {
    }

    public static MlpMetrics of(String experiment, String description, Object config, DatasetInfo dataset,
                                String network, int parameters, TrainingResult r, Environment env) {
        return new MlpMetrics(experiment, description, "mvn -q compile exec:java -Dexp=" + experiment, config, dataset,
                network, parameters, r.finalLoss(), r.trainAccuracy(), r.seconds(), r.diverged(), r.divergence(),
                r.divergedAtPass() >= 0 ? r.divergedAtPass() : null, r.passesRun(), r.bestLoss(), r.bestLossPass(), env);
    }
}
