package lab.cnn.report;

import java.util.List;
import java.util.Map;
import lab.cnn.train.EvalPoint;
import lab.cnn.train.LossPoint;

/**
 * metrics.json of one cnn run. {@code val_accuracy}, {@code test_accuracy},
 * {@code train_seconds} and {@code images_per_second} are a stable contract. {@code resumed_at}
 * lists the iterations where an interrupted run was continued from a checkpoint.
 */
public record CnnMetrics(String experiment, String description, String command, Object config, DatasetInfo dataset,
                         double valAccuracy, double testAccuracy, double valError, double testError,
                         double trainSeconds, double evalSeconds, double imagesPerSecond, long iterations,
                         double epochs, boolean diverged, Long divergedAtIteration, List<Long> resumedAt,
                         Curves curves,
                         Map<String, String> backend, Map<String, String> versions, String model) {

    public record DatasetInfo(String name, String source, int trainImages, int validationImages, int testImages) {
    }

    public record Curves(List<LossPoint> loss, List<EvalPoint> eval) {
    }
}
