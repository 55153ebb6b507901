package lab.cnn.train;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.cnn.backend.Backend;
import lab.cnn.data.ImageDataSetIterator;
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
 * the loss stops being a finite number. With a {@link CheckpointStore} it saves a checkpoint every
 * {@code checkpointEvery} iterations and at every epoch end, and it continues from a
 * {@link TrainingState} as if it had never stopped; with a {@link StopRequest} it stops cleanly
 * (after a checkpoint) when asked. Checkpoints are written in the background
 * ({@link CheckpointWriter}); none is still being written when {@code train} returns.
 */
public final class CnnTrainer {
    private static final Logger LOG = LoggerFactory.getLogger(CnnTrainer.class);

    private final String name;
    private final Schedule schedule;
    private CheckpointStore checkpoints;
    private long checkpointEvery;
    private long iterationsPerEpoch;
    private StopRequest stop = StopRequest.never();
    private TrainingObserver observer = new TrainingObserver() { };

    public CnnTrainer(String name, Schedule schedule) {
        this.name = name;
        this.schedule = schedule;
    }

    /** Checkpoints every {@code every} iterations (0: only at epoch ends) and at every epoch end. */
    public CnnTrainer checkpoints(CheckpointStore store, long every, long iterationsPerEpoch) {
        this.checkpoints = store;
        this.checkpointEvery = every;
        this.iterationsPerEpoch = iterationsPerEpoch;
        return this;
    }

    public CnnTrainer stopOn(StopRequest request) {
        this.stop = request;
        return this;
    }

    /** Tells {@code observer} every loss point and evaluation (one observer; the last one set). */
    public CnnTrainer observe(TrainingObserver observer) {
        this.observer = observer;
        return this;
    }

    public TrainingRun train(MultiLayerNetwork net, ImageDataSetIterator train, DataSetIterator validation,
                             DataSetIterator test, long imagesPerEpoch) {
        return train(net, train, validation, test, imagesPerEpoch, TrainingState.start());
    }

    /**
     * Trains from {@code from} (the start, or a checkpoint's state with {@code net} restored from
     * the same checkpoint). {@code test} may be null: test accuracy is then not measured (NaN).
     */
    public TrainingRun train(MultiLayerNetwork net, ImageDataSetIterator train, DataSetIterator validation,
                             DataSetIterator test, long imagesPerEpoch, TrainingState from) {
        train.seek(new ImageDataSetIterator.Position(from.epoch(), from.batch()));
        try (CheckpointWriter writer = checkpoints == null ? null : new CheckpointWriter(name, checkpoints)) {
            return loop(net, train, validation, test, imagesPerEpoch, from, writer);
        }
    }

    private TrainingRun loop(MultiLayerNetwork net, ImageDataSetIterator train, DataSetIterator validation,
                             DataSetIterator test, long imagesPerEpoch, TrainingState from, CheckpointWriter writer) {
        List<LossPoint> losses = new ArrayList<>(from.loss());
        List<EvalPoint> evals = new ArrayList<>(from.evals());
        Progress progress = new Progress(LOG, name + ": iteration", schedule.iterations(), Duration.ofSeconds(15))
                .startingAt(from.iteration());
        long iteration = from.iteration();
        long images = from.images();
        double trainSeconds = from.trainSeconds();
        double evalSeconds = from.evalSeconds();
        long sessionImages = 0;
        double sessionSeconds = 0;
        long lastCheckpoint = from.iteration();
        TestPredictions predictions = null;
        while (iteration < schedule.iterations()) {
            if (!train.hasNext()) {
                train.reset();
            }
            DataSet batch = train.next();
            long start = System.nanoTime();
            net.fit(batch);
            double seconds = (System.nanoTime() - start) / 1e9;
            trainSeconds += seconds;
            sessionSeconds += seconds;
            iteration++;
            images += batch.numExamples();
            sessionImages += batch.numExamples();
            double epoch = (double) images / imagesPerEpoch;
            double loss = net.score();
            if (!Double.isFinite(loss)) {
                losses.add(new LossPoint(iteration, epoch, loss));
                LOG.error("{}: loss is {} at iteration {} (epoch {}): training diverged; try a lower learning_rate",
                        name, loss, iteration, String.format(Locale.ROOT, "%.2f", epoch));
                return new TrainingRun(iteration, epoch, losses, evals, trainSeconds, evalSeconds, images, true,
                        iteration, false, from.resumedAt(), null);
            }
            double imagesPerSecond = sessionImages / Math.max(sessionSeconds, 1e-9);
            if (iteration % schedule.lossEvery() == 0 || iteration == 1) {
                losses.add(new LossPoint(iteration, epoch, loss));
                observer.lossRecorded(net, losses.get(losses.size() - 1), imagesPerSecond);
            }
            progress.update(iteration, String.format(Locale.ROOT, "epoch %.2f loss %.4f %.0f img/s", epoch, loss,
                    imagesPerSecond));
            if (iteration % schedule.evalEvery() == 0 || iteration == schedule.iterations()) {
                long evalStart = System.nanoTime();
                double val = accuracy(net, validation);
                double tst = Double.NaN;
                if (test != null && iteration == schedule.iterations()) {
                    predictions = TestPredictions.evaluate(net, test); // the final test: kept image by image
                    tst = predictions.accuracy();
                } else if (test != null) {
                    tst = accuracy(net, test);
                }
                evalSeconds += (System.nanoTime() - evalStart) / 1e9;
                evals.add(new EvalPoint(iteration, epoch, val, tst, trainSeconds));
                observer.evaluated(net, evals.get(evals.size() - 1), test);
                LOG.info(String.format(Locale.ROOT, "%s: iteration %d (epoch %.2f): validation error %.2f%%%s "
                                + "(evaluated in %.1f s)", name, iteration, epoch, 100 * (1 - val),
                        test == null ? "" : String.format(Locale.ROOT, ", test error %.2f%%", 100 * (1 - tst)),
                        (System.nanoTime() - evalStart) / 1e9));
            }
            boolean last = iteration == schedule.iterations();
            if (writer != null && !last && (stop.requested() || checkpointDue(iteration))) {
                ImageDataSetIterator.Position at = train.position();
                TrainingState state = new TrainingState(iteration, images, at.epoch(), at.batch(), trainSeconds,
                        evalSeconds, losses, evals, from.resumedAt(), Backend.threads());
                if (stop.requested()) {
                    writer.saveNow(net, state, epoch); // on disk before the JVM is let go
                } else {
                    writer.submit(net, state, epoch);
                }
                lastCheckpoint = iteration;
            }
            if (stop.requested() && !last) {
                LOG.warn("{}: stopped at iteration {} of {}{}", name, iteration, schedule.iterations(),
                        lastCheckpoint == iteration ? "; the same command resumes from here"
                                : " without a checkpoint (checkpoints are off)");
                return new TrainingRun(iteration, epoch, losses, evals, trainSeconds, evalSeconds, images, false, -1,
                        true, from.resumedAt(), null);
            }
        }
        return new TrainingRun(iteration, (double) images / imagesPerEpoch, losses, evals, trainSeconds, evalSeconds,
                images, false, -1, false, from.resumedAt(), predictions);
    }

    private boolean checkpointDue(long iteration) {
        return (checkpointEvery > 0 && iteration % checkpointEvery == 0)
                || (iterationsPerEpoch > 0 && iteration % iterationsPerEpoch == 0);
    }

    static double accuracy(MultiLayerNetwork net, DataSetIterator data) {
        data.reset();
        Evaluation evaluation = net.evaluate(data);
        return evaluation.accuracy();
    }
}
