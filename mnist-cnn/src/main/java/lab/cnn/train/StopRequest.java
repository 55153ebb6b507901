package lab.cnn.train;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ctrl-C (or SIGTERM) while training: the JVM's shutdown hook asks the training loop to stop and
 * waits until it has saved a checkpoint and closed its files ({@link #close()}), for at most
 * {@link #GRACE_SECONDS} seconds. Only SIGKILL (or a crash) skips this; checkpoints cover that.
 */
public final class StopRequest implements AutoCloseable {
    static final long GRACE_SECONDS = 120;
    private static final Logger LOG = LoggerFactory.getLogger(StopRequest.class);

    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook;

    private StopRequest(String name, boolean install) {
        if (!install) {
            hook = null;
            return;
        }
        hook = new Thread(() -> {
            requested.set(true);
            LOG.warn("{}: stop requested: finishing the current step and saving a checkpoint", name);
            try {
                if (!stopped.await(GRACE_SECONDS, TimeUnit.SECONDS)) {
                    LOG.error("{}: no checkpoint within {} s; stopping without one", name, GRACE_SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "stop-" + name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    /** Installs the shutdown hook until {@link #close()}. */
    public static StopRequest onShutdown(String name) {
        return new StopRequest(name, true);
    }

    /** Never asks to stop (tests, searches). */
    public static StopRequest never() {
        return new StopRequest("none", false);
    }

    public boolean requested() {
        return requested.get();
    }

    /** Asks to stop, as the shutdown hook does. */
    void request() {
        requested.set(true);
    }

    /** Training has stopped and its files are closed: lets the JVM finish shutting down. */
    @Override
    public void close() {
        stopped.countDown();
        if (hook != null && !requested.get()) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or about to; the latch above releases it
            }
        }
    }
}
