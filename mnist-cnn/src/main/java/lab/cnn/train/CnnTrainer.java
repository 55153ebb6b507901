package lab.cnn.train;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.core.progress.Progress;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The training loop: mini-batch steps over the training iterator (epoch after epoch), the loss
 * recorded as it goes, validation and test accuracy at every evaluation point. Stops at once if
 * the loss stops being a finite number. A null test iterator means the test set is not touched
 * (a search scores candidates on validation only): test accuracy is then recorded as NaN.
 */
public final class CnnTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(CnnTrainer.class);

    private final String name;
    private final Schedule schedule;

    public CnnTrainer(String name, Schedule schedule) {
        this.name = name;
        this.schedule = schedule;
    }

    public TrainingRun train(MultiLayerNetwork net, DataSetIterator train, DataSetIterator validation,
                             DataSetIterator test, long imagesPerEpoch) {
        List<LossPoint> losses = new ArrayList<>();
        List<EvalPoint> evals = new ArrayList<>();
        Progress progress = new Progress(LOG, name + ": iteration", schedule.iterations(), Duration.ofSeconds(15));
        long iteration = 0;
        long images = 0;
        double trainSeconds = 0;
        double evalSeconds = 0;
        train.reset();
        while (iteration < schedule.iterations()) {
            if (!train.hasNext()) {
                train.reset();
            }
            DataSet batch = train.next();
            long start = System.nanoTime();
            net.fit(batch);
            trainSeconds += (System.nanoTime() - start) / 1e9;
            iteration++;
            images += batch.numExamples();
            double epoch = (double) images / imagesPerEpoch;
            double loss = net.score();
            if (!Double.isFinite(loss)) {
                losses.add(new LossPoint(iteration, epoch, loss));
                LOG.error("{}: loss is {} at iteration {}: training diverged; try a lower learning_rate", name, loss,
                        iteration);
                return new TrainingRun(iteration, epoch, losses, evals, trainSeconds, evalSeconds, images, true, iteration);
            }
            if (iteration % schedule.lossEvery() == 0 || iteration == 1) {
                losses.add(new LossPoint(iteration, epoch, loss));
            }
            progress.update(iteration, String.format(Locale.ROOT, "epoch %.2f loss %.4f %.0f img/s", epoch, loss,
                    images / Math.max(trainSeconds, 1e-9)));
            if (iteration % schedule.evalEvery() == 0 || iteration == schedule.iterations()) {
                long evalStart = System.nanoTime();
                double val = accuracy(net, validation);
                double tst = test == null ? Double.NaN : accuracy(net, test);
                evalSeconds += (System.nanoTime() - evalStart) / 1e9;
                evals.add(new EvalPoint(iteration, epoch, val, tst, trainSeconds));
                LOG.info(String.format(Locale.ROOT, "%s: iteration %d (epoch %.2f): validation error %.2f%%, test error "
                                + "%.2f%% (evaluated in %.1f s)", name, iteration, epoch, 100 * (1 - val), 100 * (1 - tst),
                        (System.nanoTime() - evalStart) / 1e9));
            }
        }
        return new TrainingRun(iteration, (double) images / imagesPerEpoch, losses, evals, trainSeconds, evalSeconds,
                images, false, -1);
    }

    static double accuracy(MultiLayerNetwork net, DataSetIterator data) {
        data.reset();
        Evaluation evaluation = net.evaluate(data);
        return evaluation.accuracy();
    }
}
