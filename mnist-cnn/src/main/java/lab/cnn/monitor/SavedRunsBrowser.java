package lab.cnn.monitor;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import lab.core.UserError;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;

/**
 * The training UI over every saved run: {@code <runs>/*}{@code /ui-stats.dl4j}, each opened as a
 * {@link FileStatsStorage}, served in multi-session mode (one session per run, named after the
 * run directory, which is the experiment name and the session id {@link UiStats} wrote).
 *
 * <p>{@link #open} sets up (and prints one line per session with its URL); {@link #awaitClose}
 * blocks; {@link #close} stops the UI and closes the files. {@link #serve} does all three for the
 * CLI, closing on Ctrl-C.
 */
public final class SavedRunsBrowser implements AutoCloseable {
    private final Path runsDir;
    private final Map<String, FileStatsStorage> sessions; // session id -> storage, sorted
    private final Map<String, Path> files;
    private final List<FileStatsStorage> opened; // every file opened, including skipped ones
    private final UiServerSupport ui;
    private final CountDownLatch closed = new CountDownLatch(1);

    private SavedRunsBrowser(Path runsDir, Map<String, FileStatsStorage> sessions, Map<String, Path> files,
                             List<FileStatsStorage> opened, UiServerSupport ui) {
        this.runsDir = runsDir;
        this.sessions = sessions;
        this.files = files;
        this.opened = opened;
        this.ui = ui;
    }

    /** Opens the runs on the configured host and port ({@code -Dui.host}, {@code -Dui.port}), printing to stdout. */
    public static SavedRunsBrowser open(Path runsDir) {
        return open(runsDir, UiServerSupport.configuredHost(), UiServerSupport.configuredPort(), System.out);
    }

    /**
     * Scans {@code runsDir}, opens each stats file and starts the UI. Files that cannot be read
     * (corrupt, or locked by a training still running in another process) are skipped with a
     * line on {@code out}; none readable is a {@link UserError}.
     */
    public static SavedRunsBrowser open(Path runsDir, String host, int port, PrintStream out) {
        List<Path> found = scan(runsDir);
        Map<String, FileStatsStorage> sessions = new TreeMap<>();
        Map<String, Path> files = new TreeMap<>();
        List<FileStatsStorage> opened = new ArrayList<>();
        try {
            for (Path file : found) {
                String run = file.getParent().getFileName().toString();
                FileStatsStorage storage;
                try {
                    storage = new FileStatsStorage(file.toFile());
                } catch (RuntimeException e) {
                    out.println("skipped " + file + ": cannot open it (" + oneLine(e)
                            + "; still being written by a running training?)");
                    continue;
                }
                opened.add(storage);
                List<String> ids = storage.listSessionIDs();
                if (ids.isEmpty()) {
                    out.println("skipped " + file + ": no training session in it (the run stopped before its "
                            + "first iteration?)");
                    continue;
                }
                for (String id : ids) {
                    if (!id.equals(run)) {
                        out.println("note: " + file + " holds session '" + id + "', not '" + run
                                + "' (run directory renamed?): shown as '" + id + "'");
                    }
                    if (sessions.containsKey(id)) {
                        out.println("skipped session '" + id + "' in " + file + ": already shown from "
                                + files.get(id));
                        continue;
                    }
                    sessions.put(id, storage);
                    files.put(id, file);
                }
            }
            if (sessions.isEmpty()) {
                throw noRuns(runsDir);
            }
            UiServerSupport ui = UiServerSupport.startMultiSession(host, port, sessions::get);
            try {
                // Attached up front too, so /train lists every session before any page is opened.
                for (StatsStorage storage : new LinkedHashSet<>(sessions.values())) {
                    ui.attach(storage);
                }
            } catch (RuntimeException e) {
                ui.close();
                throw e;
            }
            SavedRunsBrowser browser = new SavedRunsBrowser(runsDir, Collections.unmodifiableMap(sessions),
                    Collections.unmodifiableMap(files), List.copyOf(opened), ui);
            out.println("Training UI over " + sessions.size() + " saved run" + (sessions.size() == 1 ? "" : "s")
                    + " in " + runsDir + ": " + ui.overviewUrl());
            for (String id : sessions.keySet()) {
                out.println("  " + id + "  " + ui.overviewUrl(id));
            }
            return browser;
        } catch (RuntimeException e) {
            opened.forEach(SavedRunsBrowser::closeQuietly);
            throw e;
        }
    }

    /** For the CLI: opens, blocks until interrupted or Ctrl-C, closes. */
    public static void serve(Path runsDir) {
        SavedRunsBrowser browser = open(runsDir);
        Thread hook = new Thread(browser::close, "saved-runs-browser-shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        System.out.println("Press Ctrl-C to stop.");
        try {
            browser.awaitClose();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            browser.close();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // shutting down: the hook is running
            }
        }
    }

    /** The run directories' stats files, sorted; none is a {@link UserError}. */
    static List<Path> scan(Path runsDir) {
        if (!Files.isDirectory(runsDir)) {
            throw noRuns(runsDir);
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(runsDir, Files::isDirectory)) {
            for (Path dir : dirs) {
                Path file = dir.resolve(UiStats.FILE_NAME);
                if (Files.isRegularFile(file)) {
                    found.add(file);
                }
            }
        } catch (IOException e) {
            throw UserError.runtime(runsDir + ": cannot list the runs directory (" + e.getMessage() + ")", e);
        }
        if (found.isEmpty()) {
            throw noRuns(runsDir);
        }
        Collections.sort(found);
        return found;
    }

    private static UserError noRuns(Path runsDir) {
        return UserError.runtime("no saved training-UI stats in " + runsDir + " (looked for */" + UiStats.FILE_NAME
                + "): train an experiment first (mvn -q compile exec:java -Dexp=NAME writes " + runsDir
                + "/NAME/" + UiStats.FILE_NAME + "), or point -Druns.dir at another runs directory");
    }

    private static String oneLine(Throwable e) {
        String message = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    private static void closeQuietly(FileStatsStorage storage) {
        try {
            storage.close();
        } catch (RuntimeException e) {
            // closing anyway
        }
    }

    /** Session ids shown, sorted. */
    public List<String> sessionIds() {
        return List.copyOf(sessions.keySet());
    }

    /** Session id -> its stats file. */
    public Map<String, Path> files() {
        return files;
    }

    public Path runsDir() {
        return runsDir;
    }

    public UiServerSupport server() {
        return ui;
    }

    /** {@code http://host:port/train/<session>/overview}. */
    public String url(String sessionId) {
        return ui.overviewUrl(sessionId);
    }

    /** Blocks until {@link #close} is called (from another thread) or this thread is interrupted. */
    public void awaitClose() throws InterruptedException {
        closed.await();
    }

    /** Stops the UI and closes every stats file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed.getCount() == 0) {
            return;
        }
        try {
            ui.close();
        } finally {
            opened.forEach(SavedRunsBrowser::closeQuietly);
            closed.countDown();
        }
    }
}
