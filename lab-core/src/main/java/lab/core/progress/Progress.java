package lab.core.progress;

import java.time.Duration;
import org.slf4j.Logger;

/**
 * Reports long work at most every {@code interval}: done/total, rate and ETA, plus whatever the
 * caller adds (loss, epoch). Keeps the log readable however many steps there are.
 */
public final class Progress {
    private final Logger log;
    private final String label;
    private final long total;
    private final long intervalNanos;
    private final long start = System.nanoTime();
    private long lastReport = start;
    private long firstDone;

    public Progress(Logger log, String label, long total, Duration interval) {
        this.log = log;
        this.label = label;
        this.total = total;
        this.intervalNanos = interval.toNanos();
    }

    /** Work already done before this process started (a resumed run): the rate counts only new work. */
    public Progress startingAt(long done) {
        this.firstDone = done;
        return this;
    }

    /** Logs if the interval has passed (or {@code done == total}); cheap otherwise. */
    public void update(long done, String detail) {
        long now = System.nanoTime();
        if (now - lastReport < intervalNanos && done < total) {
            return;
        }
        lastReport = now;
        double seconds = (now - start) / 1e9;
        double rate = (done - firstDone) / Math.max(seconds, 1e-9);
        String eta = done >= total ? "done" : "ETA " + formatSeconds((total - done) / Math.max(rate, 1e-9));
        log.info("{} {}/{} ({}%) {} | {} | {}", label, done, total, Math.round(100.0 * done / total),
                detail, formatSeconds(seconds), eta);
    }


    /** "42.0s", "3m07s", "1h05m". */
    public static String formatSeconds(double s) {
        if (s < 60) {
            return String.format("%.1fs", s);
        }
        long total = Math.round(s);
        if (total < 3600) {
            return String.format("%dm%02ds", total / 60, total % 60);
        }
        return String.format("%dh%02dm", total / 3600, (total % 3600) / 60);
    }
}
