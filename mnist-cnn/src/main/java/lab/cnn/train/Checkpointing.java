package lab.cnn.train;

import lab.cnn.data.ImageDataSetIterator;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * When the loop saves a checkpoint: every {@code every} iterations, at every epoch end, and at
 * once (in the foreground, before the JVM is let go) when a stop is requested. Never after the
 * last iteration: the run's results replace its checkpoints then.
 */
final class Checkpointing {
    private final CheckpointWriter writer;
    private final long every;
    private final long iterationsPerEpoch;
    private long last;

    /** @param writer null: checkpoints are off */
    Checkpointing(CheckpointWriter writer, long every, long iterationsPerEpoch, long startIteration) {
        this.writer = writer;
        this.every = every;
        this.iterationsPerEpoch = iterationsPerEpoch;
        this.last = startIteration;
    }

    void afterStep(MultiLayerNetwork net, RunningState state, ImageDataSetIterator.Position at, boolean stopping) {
        if (writer == null || !(stopping || due(state.iteration))) {
            return;
        }
        if (stopping) {
            writer.saveNow(net, state.snapshot(at), state.epoch());
        } else {
            writer.submit(net, state.snapshot(at), state.epoch());
        }
        last = state.iteration;
    }

    /** Whether the newest checkpoint is of iteration {@code iteration}. */
    boolean savedAt(long iteration) {
        return last == iteration;
    }

    private boolean due(long iteration) {
        return (every > 0 && iteration % every == 0) || (iterationsPerEpoch > 0 && iteration % iterationsPerEpoch == 0);
    }
}
