package lab.cnn.train;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes checkpoints without stopping training: a copy of the network is taken at the iteration
 * (tens of milliseconds) and a background thread writes it (about a second: DL4J's
 * ModelSerializer deflates some 36 MB of weights and updater state) while training goes on. At
 * most one write is in flight; {@link #finish()} waits for it, and a failed write is reported
 * there or at the next checkpoint.
 */
final class CheckpointWriter implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointWriter.class);

    private final String name;
    private final CheckpointStore store;
    private final ExecutorService executor;
    private Future<?> pending;

    CheckpointWriter(String name, CheckpointStore store) {
        this.name = name;
        this.store = store;
        this.executor = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "checkpoint-" + name);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Starts writing a checkpoint of {@code net} as it is now. */
    void submit(MultiLayerNetwork net, TrainingState state, double epoch) {
        finish();
        long start = System.nanoTime();
        MultiLayerNetwork copy = net.clone(); // parameters, updater state and iteration count, as of now
        double copySeconds = (System.nanoTime() - start) / 1e9;
        pending = executor.submit(() -> {
            long writeStart = System.nanoTime();
            Path saved = store.save(copy, state);
            LOG.info(String.format(Locale.ROOT, "%s: checkpoint at iteration %d (epoch %.2f) -> %s (copied in %.2f s, "
                    + "written in %.1f s)", name, state.iteration(), epoch, saved, copySeconds,
                    (System.nanoTime() - writeStart) / 1e9));
        });
    }

    /** Writes a checkpoint and waits until it is on disk. */
    void saveNow(MultiLayerNetwork net, TrainingState state, double epoch) {
        submit(net, state, epoch);
        finish();
    }

    /** Waits for the write in flight, if any; rethrows its failure. */
    void finish() {
        if (pending == null) {
            return;
        }
        Future<?> waiting = pending;
        pending = null;
        try {
            waiting.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while writing a checkpoint", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Waits for the last write, then stops the thread. */
    @Override
    public void close() {
        try {
            finish();
        } finally {
            executor.shutdown();
        }
    }
}
