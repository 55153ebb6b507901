package lab.cnn.train;

import java.util.ArrayList;
import java.util.List;
import lab.cnn.backend.Backend;
import lab.cnn.data.ImageDataSetIterator;

/**
 * Where a training run stands while the loop runs: iteration and images, the curves, and the
 * clocks (over all sessions of the run, and of this session for the img/s shown). Saved as a
 * {@link TrainingState}; ends as a {@link TrainingRun}.
 */
final class RunningState {
    private final long imagesPerEpoch;
    private final List<Long> resumedAt;
    final List<LossPoint> losses;
    final List<EvalPoint> evals;
    long iteration;
    long images;
    double trainSeconds;
    double evalSeconds;
    private long sessionImages;
    private double sessionSeconds;

    RunningState(TrainingState from, long imagesPerEpoch) {
        this.imagesPerEpoch = imagesPerEpoch;
        this.resumedAt = from.resumedAt();
        this.losses = new ArrayList<>(from.loss());
        this.evals = new ArrayList<>(from.evals());
        this.iteration = from.iteration();
        this.images = from.images();
        this.trainSeconds = from.trainSeconds();
        this.evalSeconds = from.evalSeconds();
    }

    /** One training step of {@code batchImages} images took {@code seconds} (fit only). */
    void stepped(int batchImages, double seconds) {
        iteration++;
        images += batchImages;
        sessionImages += batchImages;
        trainSeconds += seconds;
        sessionSeconds += seconds;
    }

    double epoch() {
        return (double) images / imagesPerEpoch;
    }

    /** Training throughput of this session (a resumed run's earlier sessions ran elsewhere, maybe). */
    double sessionImagesPerSecond() {
        return sessionImages / Math.max(sessionSeconds, 1e-9);
    }

    /** What a checkpoint saves, with the training iterator at {@code at}. */
    TrainingState snapshot(ImageDataSetIterator.Position at) {
        return new TrainingState(iteration, images, at.epoch(), at.batch(), trainSeconds, evalSeconds, losses, evals,
                resumedAt, Backend.threads());
    }

    TrainingRun diverged() {
        return new TrainingRun(iteration, epoch(), losses, evals, trainSeconds, evalSeconds, images, true, iteration,
                false, resumedAt, null);
    }

    TrainingRun interrupted() {
        return new TrainingRun(iteration, epoch(), losses, evals, trainSeconds, evalSeconds, images, false, -1, true,
                resumedAt, null);
    }

    TrainingRun finished(TestPredictions predictions) {
        return new TrainingRun(iteration, epoch(), losses, evals, trainSeconds, evalSeconds, images, false, -1, false,
                resumedAt, predictions);
    }
}
