package lab.cnn.train;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import lab.cnn.data.ImageDataSetIterator;
import lab.core.progress.Progress;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
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
    private int patience; // 0: no early stopping
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

    /**
     * Stops after {@code patience} evaluations in a row without a lower validation error than the
     * best so far; the run then ends there as if its schedule had.
     */
    public CnnTrainer stopEarly(int patience) {
        if (patience < 1) {
            throw new IllegalArgumentException("patience must be >= 1, got " + patience);
        }
        this.patience = patience;
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

    /** Step, record, evaluate, checkpoint, stop: each by its own class; the loop only orders them. */
    private TrainingRun loop(MultiLayerNetwork net, ImageDataSetIterator train, DataSetIterator validation,
                             DataSetIterator test, long imagesPerEpoch, TrainingState from, CheckpointWriter writer) {
        RunningState state = new RunningState(from, imagesPerEpoch);
        Evaluations evaluations = new Evaluations(name, validation, test);
        Checkpointing checkpointing = new Checkpointing(writer, checkpointEvery, iterationsPerEpoch, from.iteration());
        Progress progress = new Progress(LOG, name + ": iteration", schedule.iterations(), Duration.ofSeconds(15))
                .startingAt(from.iteration());
        while (state.iteration < schedule.iterations()) {
            double loss = step(net, train, state);
            if (!Double.isFinite(loss)) {
                state.losses.add(new LossPoint(state.iteration, state.epoch(), loss));
                LOG.error("{}: loss is {} at iteration {} (epoch {}): training diverged; try a lower learning_rate",
                        name, loss, state.iteration, String.format(Locale.ROOT, "%.2f", state.epoch()));
                return state.diverged();
            }
            recordLoss(net, state, loss, progress);
            boolean last = state.iteration == schedule.iterations();
            if (state.iteration % schedule.evalEvery() == 0 || last) {
                // an evaluation that may end the run early keeps its test predictions, as the last one does
                boolean mayStop = patience > 0 && evaluationsSinceBest(state.evals) == patience - 1;
                observer.evaluated(net, evaluations.evaluate(net, state, last || mayStop), evaluations.test());
                int sinceBest = evaluationsSinceBest(state.evals);
                if (!last && patience > 0 && sinceBest >= patience) {
                    EvalPoint best = state.evals.get(state.evals.size() - 1 - sinceBest);
                    LOG.info(String.format(Locale.ROOT, "%s: stopping early at iteration %d of %d (epoch %.2f): no "
                                    + "lower validation error in %d evaluation(s) since the best, %.2f%% at epoch %.2f",
                            name, state.iteration, schedule.iterations(), state.epoch(), patience,
                            100 * (1 - best.valAccuracy()), best.epoch()));
                    return state.finished(evaluations.finalTest());
                }
            }
            if (!last) {
                checkpointing.afterStep(net, state, train.position(), stop.requested());
                if (stop.requested()) {
                    LOG.warn("{}: stopped at iteration {} of {}{}", name, state.iteration, schedule.iterations(),
                            checkpointing.savedAt(state.iteration) ? "; the same command resumes from here"
                                    : " without a checkpoint (checkpoints are off)");
                    return state.interrupted();
                }
            }
        }
        return state.finished(evaluations.finalTest());
    }

    /** Evaluations after the first one with the lowest validation error (0: the last is the best). */
    static int evaluationsSinceBest(List<EvalPoint> evals) {
        int best = 0;
        for (int i = 1; i < evals.size(); i++) {
            if (evals.get(i).valAccuracy() > evals.get(best).valAccuracy()) {
                best = i;
            }
        }
        return evals.isEmpty() ? 0 : evals.size() - 1 - best;
    }

    /** One mini-batch step (the next epoch starts when the iterator runs out); returns the loss. */
    private static double step(MultiLayerNetwork net, ImageDataSetIterator train, RunningState state) {
        if (!train.hasNext()) {
            train.reset();
        }
        DataSet batch = train.next();
        long start = System.nanoTime();
        net.fit(batch);
        state.stepped(batch.numExamples(), (System.nanoTime() - start) / 1e9);
        return net.score();
    }

    private void recordLoss(MultiLayerNetwork net, RunningState state, double loss, Progress progress) {
        double imagesPerSecond = state.sessionImagesPerSecond();
        if (state.iteration % schedule.lossEvery() == 0 || state.iteration == 1) {
            LossPoint point = new LossPoint(state.iteration, state.epoch(), loss);
            state.losses.add(point);
            observer.lossRecorded(net, point, imagesPerSecond);
        }
        progress.update(state.iteration, String.format(Locale.ROOT, "epoch %.2f loss %.4f %.0f img/s", state.epoch(),
                loss, imagesPerSecond));
    }
}
