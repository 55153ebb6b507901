package lab.cnn.monitor;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.core.UserError;
import lab.core.io.AtomicFiles;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsInitializationConfiguration;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsUpdateConfiguration;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;
import org.slf4j.LoggerFactory;

/**
 * The training-UI statistics of one run: a DL4J {@link StatsListener} writing into
 * {@code <runDir>/ui-stats.dl4j} (a {@link FileStatsStorage}, MapDB), session id = experiment
 * name, worker id {@value #WORKER_ID}. It reports at iteration 0 and every {@code reportEvery}
 * iterations (score, timings, memory, learning rates, mean/stdev/mean magnitudes and
 * {@value #HISTOGRAM_BINS}-bin histograms of parameters, gradients, updates and activations),
 * plus one initialisation report (software, hardware, model).
 *
 * <pre>{@code
 * try (UiStats stats = UiStats.create(runDir, name)) {
 *     net.addListeners(stats.listener());
 *     ... train ...
 * }
 * }</pre>
 *
 * A UI showing the storage live ({@link UiServerSupport#start(StatsStorage)}) should be closed
 * before this, which closes the storage.
 */
public final class UiStats implements AutoCloseable {
    /** The file name inside a run directory, which {@link SavedRunsBrowser} looks for. */
    public static final String FILE_NAME = "ui-stats.dl4j";
    public static final String WORKER_ID = "0";
    public static final int DEFAULT_REPORT_EVERY = 100;
    public static final int HISTOGRAM_BINS = 20;

    private final Path file;
    private final String sessionId;
    private final int reportEvery;
    private final FileStatsStorage storage;
    private final StatsListener listener;
    private boolean closed;

    private UiStats(Path file, String sessionId, int reportEvery, FileStatsStorage storage, StatsListener listener) {
        this.file = file;
        this.sessionId = sessionId;
        this.reportEvery = reportEvery;
        this.storage = storage;
        this.listener = listener;
    }

    /** Stats reported every {@value #DEFAULT_REPORT_EVERY} iterations. */
    public static UiStats create(Path runDir, String experimentName) {
        return create(runDir, experimentName, DEFAULT_REPORT_EVERY);
    }

    /**
     * Creates {@code runDir} if needed, deletes a stale {@code <runDir>/ui-stats.dl4j} (from an
     * earlier run of the same experiment) and opens a fresh one.
     */
    public static UiStats create(Path runDir, String experimentName, int reportEvery) {
        return create(runDir, experimentName, reportEvery, false);
    }

    /**
     * Like {@link #create(Path, String, int)}, but with {@code continueExisting} (a resumed run)
     * an existing stats file is kept and added to; if it cannot be opened (the run was killed
     * mid-write) it is replaced.
     */
    public static UiStats create(Path runDir, String experimentName, int reportEvery, boolean continueExisting) {
        if (experimentName == null || experimentName.isBlank()) {
            throw UserError.usage("training-UI stats need an experiment name (the UI session id)");
        }
        if (reportEvery < 1) {
            throw UserError.usage("training-UI stats: reporting interval must be at least 1 iteration, got "
                    + reportEvery);
        }
        AtomicFiles.requireWritableDirectory(runDir);
        Path file = runDir.resolve(FILE_NAME);
        FileStatsStorage storage = null;
        if (continueExisting && Files.isRegularFile(file)) {
            try {
                storage = new FileStatsStorage(file.toFile());
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(UiStats.class).warn("{}: cannot be continued ({}); starting a new one", file,
                        e.getMessage());
            }
        }
        if (storage == null) {
            deleteStale(file);
        }
        try {
            storage = storage != null ? storage : new FileStatsStorage(file.toFile());
        } catch (RuntimeException e) {
            throw UserError.runtime(file + ": cannot create the training-UI stats file (" + e.getMessage() + ")", e);
        }
        DefaultStatsUpdateConfiguration update = new DefaultStatsUpdateConfiguration.Builder()
                .reportingFrequency(reportEvery)
                .collectHistogramsParameters(true)
                .collectHistogramsGradients(true)
                .collectHistogramsUpdates(true)
                .collectHistogramsActivations(true)
                .numHistogramBins(HISTOGRAM_BINS)
                .build();
        DefaultStatsInitializationConfiguration init = new DefaultStatsInitializationConfiguration(true, true, true);
        StatsListener listener = new StatsListener(storage, init, update, experimentName, WORKER_ID);
        return new UiStats(file, experimentName, reportEvery, storage, listener);
    }

    /** The file and anything MapDB keeps beside it ({@code ui-stats.dl4j.*}). */
    private static void deleteStale(Path file) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            try (DirectoryStream<Path> extra = Files.newDirectoryStream(file.getParent(), FILE_NAME + ".*")) {
                for (Path p : extra) {
                    Files.deleteIfExists(p);
                }
            }
        } catch (IOException e) {
            throw UserError.runtime(file + ": cannot delete the old training-UI stats file (" + e.getMessage() + ")",
                    e);
        }
    }

    /** Add to the network: {@code net.addListeners(stats.listener())}. */
    public org.deeplearning4j.optimize.api.TrainingListener listener() {
        return new StopSafeListener(listener);
    }

    /** The storage, to attach to a live UI. */
    public StatsStorage storage() {
        return storage;
    }

    public Path file() {
        return file;
    }

    public String sessionId() {
        return sessionId;
    }

    public int reportEvery() {
        return reportEvery;
    }

    /** Closes the storage (flushes the file). Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            storage.close();
        } catch (IllegalAccessError alreadyClosed) {
            // MapDB's own shutdown hook committed and closed the file first (Ctrl-C while training)
        } catch (RuntimeException e) {
            throw UserError.runtime(file + ": cannot close the training-UI stats file (" + e.getMessage() + ")", e);
        }
    }
}
