package lab.cnn.train;

import java.util.Locale;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Validation and test accuracy at the schedule's evaluation points. The last test evaluation
 * keeps its predictions image by image ({@link TestPredictions}: the same forward passes, for the
 * confusion matrix and the mistakes). The time it takes counts as evaluation, not training.
 */
final class Evaluations {
    private static final Logger LOG = LoggerFactory.getLogger(Evaluations.class);

    private final String name;
    private final DataSetIterator validation;
    private final DataSetIterator test;
    private TestPredictions finalTest;

    /** @param test may be null: test accuracy is then NaN */
    Evaluations(String name, DataSetIterator validation, DataSetIterator test) {
        this.name = name;
        this.validation = validation;
        this.test = test;
    }

    DataSetIterator test() {
        return test;
    }

    /** Evaluates {@code net} now, records the point in {@code state} and returns it. */
    EvalPoint evaluate(MultiLayerNetwork net, RunningState state, boolean last) {
        long start = System.nanoTime();
        double val = accuracy(net, validation);
        double tst = Double.NaN;
        if (test != null && last) {
            finalTest = TestPredictions.evaluate(net, test);
            tst = finalTest.accuracy();
        } else if (test != null) {
            tst = accuracy(net, test);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        state.evalSeconds += seconds;
        EvalPoint point = new EvalPoint(state.iteration, state.epoch(), val, tst, state.trainSeconds);
        state.evals.add(point);
        LOG.info(String.format(Locale.ROOT, "%s: iteration %d (epoch %.2f): validation error %.2f%%%s "
                        + "(evaluated in %.1f s)", name, state.iteration, state.epoch(), 100 * (1 - val),
                test == null ? "" : String.format(Locale.ROOT, ", test error %.2f%%", 100 * (1 - tst)), seconds));
        return point;
    }

    /** The last evaluation's test predictions, or null if there was none. */
    TestPredictions finalTest() {
        return finalTest;
    }

    static double accuracy(MultiLayerNetwork net, DataSetIterator data) {
        data.reset();
        Evaluation evaluation = net.evaluate(data);
        return evaluation.accuracy();
    }
}
