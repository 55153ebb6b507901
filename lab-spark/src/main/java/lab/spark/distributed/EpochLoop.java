package lab.spark.distributed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.experiment.CnnData;
import lab.cnn.train.CheckpointStore;
import lab.cnn.train.EvalPoint;
import lab.cnn.train.LossPoint;
import lab.cnn.train.Schedule;
import lab.cnn.train.TrainingRun;
import lab.cnn.train.TrainingState;
import lab.core.progress.Progress;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The epoch loop of every {@code distributed:} mode. Each epoch the driver takes the run's seeded
 * mini-batches (the order a local run sees) and hands them to the mode's {@link EpochFitter}; the network it returns is evaluated on the validation and
 * test images as locally, and saved as a checkpoint at the epoch's end (a resumed run continues
 * with the next epoch, in the same batch order). The run's length is counted in epochs
 * ({@code iterations:} is rounded up to whole epochs); the loss curve has one point per round the
 * mode reports (an averaging, or an epoch), and so has the progress line, at most every 15 s.
 */
final class EpochLoop {
    private static final Logger LOG = LoggerFactory.getLogger(EpochLoop.class);

    private EpochLoop() {
    }

    static TrainingRun run(String name, MultiLayerNetwork net, CnnData data, Schedule schedule, TrainingState from,
                           CheckpointStore checkpoints, JavaSparkContext spark, EpochFitter fitter) {
        ImageDataSetIterator train = data.train();
        int perEpoch = train.batchesPerEpoch();
        int epochs = (int) Math.max(1, (schedule.iterations() + perEpoch - 1) / perEpoch);
        LOG.info(String.format(Locale.ROOT, "%s: %s on %s; %d epoch(s) of %d mini-batches", name, fitter.describe(),
                spark.master(), epochs, perEpoch));

        MultiLayerNetwork current = net;
        List<LossPoint> loss = new ArrayList<>(from.loss());
        List<EvalPoint> evals = new ArrayList<>(from.evals());
        double trainSeconds = from.trainSeconds();
        double evalSeconds = from.evalSeconds();
        long images = from.images();
        long iteration = from.iteration();
        boolean diverged = false;
        Progress progress = new Progress(LOG, name + ": mini-batch", (long) epochs * perEpoch, Duration.ofSeconds(15))
                .startingAt(iteration);
        train.seek(new ImageDataSetIterator.Position(from.epoch(), from.batch())); // the order a local run sees
        for (int epoch = (int) (iteration / perEpoch) + 1; epoch <= epochs; epoch++) {
            if (!train.hasNext()) {
                train.reset(); // the next epoch's seeded order
            }
            List<DataSet> batches = new ArrayList<>(perEpoch);
            while (batches.size() < perEpoch && train.hasNext()) {
                DataSet batch = train.next();
                batches.add(batch);
                images += batch.numExamples();
            }
            long start = System.nanoTime();
            long before = iteration;
            double secondsBefore = trainSeconds - from.trainSeconds(); // this process's, for the rate
            EpochFitter.Fitted fitted = fitter.fit(current, batches, epoch, (done, roundScore) -> {
                long at = before + done;
                double epochsDone = (double) at / perEpoch;
                loss.add(new LossPoint(at, epochsDone, roundScore));
                double seconds = secondsBefore + (System.nanoTime() - start) / 1e9;
                double imagesPerSecond = (at - from.iteration()) * batchSize(batches) / Math.max(seconds, 1e-9);
                progress.update(at, String.format(Locale.ROOT, "epoch %.2f loss %.4f %.0f img/s", epochsDone, roundScore,
                        imagesPerSecond));
            });
            current = fitted.net();
            trainSeconds += (System.nanoTime() - start) / 1e9;
            iteration += batches.size();
            double score = fitted.score();
            if (!Double.isFinite(score)) {
                diverged = true;
                LOG.warn("{}: loss {} after epoch {}: diverged", name, score, epoch);
                break;
            }
            long evalStart = System.nanoTime();
            double val = accuracy(current, data.validation());
            double test = accuracy(current, data.test());
            evalSeconds += (System.nanoTime() - evalStart) / 1e9;
            evals.add(new EvalPoint(iteration, epoch, val, test, trainSeconds));
            LOG.info(String.format(Locale.ROOT, "%s: epoch %d of %d: loss %.4f, validation %.4f, test %.4f (%.1f s "
                    + "training so far)", name, epoch, epochs, score, val, test, trainSeconds));
            if (checkpoints != null && epoch < epochs) {
                ImageDataSetIterator.Position at = train.position();
                checkpoints.save(current, new TrainingState(iteration, images, at.epoch(), at.batch(), trainSeconds,
                        evalSeconds, loss, evals, from.resumedAt(), from.threads()));
            }
        }
        copyInto(net, current);
        return new TrainingRun(iteration, (double) iteration / perEpoch, loss, evals, trainSeconds, evalSeconds, images,
                diverged, diverged ? iteration : -1, false, from.resumedAt(), null); // no image-by-image final test here
    }

    private static int batchSize(List<DataSet> batches) {
        return batches.isEmpty() ? 0 : batches.get(0).numExamples();
    }

    private static double accuracy(MultiLayerNetwork net, DataSetIterator data) {
        data.reset();
        Evaluation evaluation = net.evaluate(data);
        return evaluation.accuracy();
    }

    /** The trained parameters and updater state into the caller's network, which CnnRunner saves. */
    private static void copyInto(MultiLayerNetwork target, MultiLayerNetwork source) {
        if (source == target) {
            return;
        }
        target.setParams(source.params());
        if (source.getUpdater() != null && source.getUpdater().getStateViewArray() != null) {
            target.getUpdater().getStateViewArray().assign(source.getUpdater().getStateViewArray());
        }
    }
}
