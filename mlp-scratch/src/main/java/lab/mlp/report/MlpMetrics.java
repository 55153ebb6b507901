package lab.mlp.report;

import java.util.List;
import lab.mlp.train.Score;
import lab.mlp.train.TrainingResult;

/**
 * metrics.json of one mlp run. {@code final_loss}, {@code train_accuracy}, {@code train_seconds}
 * and {@code diverged} are a stable contract.
 * <ul>
 * <li>{@code train_cross_entropy}, {@code test_loss}: mean cross-entropy without the L2 term, so
 * training and test compare like for like; {@code test_*} are null for data without a generator
 * (CSV). {@code *_standard_error}: sqrt(p (1 - p) / n) of the accuracy beside it.</li>
 * <li>{@code train_seconds}: the faster of two timed trainings that follow an untimed, identical
 * one (the JIT compiles during that); {@code first_run_seconds} is the untimed one's time, compile
 * time included.</li>
 * <li>{@code unstable} follows {@link lab.mlp.train.Instability}: the loss rose above 1.5 x its
 * best after reaching it (the first such pass and the highest loss after the best are given; null
 * when stable).</li>
 * </ul>
 */
public record MlpMetrics(String experiment, String description, String command, Object config, DatasetInfo dataset,
                         String network, int parameters, double finalLoss, double trainAccuracy,
                         double trainCrossEntropy, double trainAccuracyStandardError, String testDataset,
                         Double testLoss, Double testAccuracy, Double testAccuracyStandardError,
                         double trainSeconds, double firstRunSeconds,
                         boolean diverged, String divergence, Integer divergedAtPass, int passesRun, double bestLoss,
                         int bestLossPass, boolean unstable, Integer unstableAtPass, Double unstablePeakLoss,
                         Integer unstablePeakPass, Environment environment) {

    public record DatasetInfo(String name, int size, int features, int classes, List<Integer> classLabels) {
    }

    /** Where the numbers were made: timings depend on it, losses only on the vector width. */
    public record Environment(String java, int cores, int vectorLanes) {
    }

    /** @param test the held-out score, or null (testDataset too) */
    public static MlpMetrics of(String experiment, String description, Object config, DatasetInfo dataset,
                                String network, int parameters, TrainingResult r, double firstRunSeconds,
                                Score train, String testDataset, Score test, Environment env) {
        return new MlpMetrics(experiment, description, "mvn -q compile exec:java -Dexp=" + experiment, config, dataset,
                network, parameters, r.finalLoss(), r.trainAccuracy(), train.crossEntropy(), train.standardError(),
                testDataset, test == null ? null : test.crossEntropy(), test == null ? null : test.accuracy(),
                test == null ? null : test.standardError(), r.seconds(), firstRunSeconds, r.diverged(),
                r.divergence(), r.divergedAtPass() >= 0 ? r.divergedAtPass() : null, r.passesRun(), r.bestLoss(),
                r.bestLossPass(), r.unstable(), r.unstable() ? r.instability().atPass() : null,
                r.unstable() ? r.instability().peakLoss() : null, r.unstable() ? r.instability().peakPass() : null, env);
    }
}
