package lab.core.search;

import java.util.Locale;
import lab.core.progress.Progress;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.BaseStatusListener;
import org.slf4j.Logger;

/**
 * Arbiter status listener: one line when a candidate starts (its parameters) and one when it
 * ends (validation accuracy or why it failed, seconds, best so far, ETA of the search). When
 * candidates take under {@link #QUIET_SECONDS} each (an mlp grid of hundreds), start lines are
 * left out and end lines come at most every {@link #QUIET_SECONDS}, plus every new best, every
 * failure and the last one: the log stays readable however many candidates there are.
 */
final class SearchProgress extends BaseStatusListener {
    private final Logger log;
    private final String name;
    private final int planned;
    private final int parallelism;
    private final long start = System.nanoTime();
    private int finished;
    private int failed;
    private double busySeconds;
    private double best = Double.NaN;
    private int bestIndex = -1;
    private long lastLine = start;
    static final double QUIET_SECONDS = 5;

    SearchProgress(Logger log, String name, int planned, int parallelism) {
        this.log = log;
        this.name = name;
        this.planned = planned;
        this.parallelism = parallelism;
    }

    @Override
    public synchronized void onCandidateStatusChange(CandidateInfo info, IOptimizationRunner runner,
                                                     OptimizationResult result) {
        if (info.getCandidateStatus() == CandidateStatus.Running && result != null) {
            CandidateRecord c = (CandidateRecord) result.getModelSpecificResults();
            if (finished > 0 && busySeconds / finished < QUIET_SECONDS) {
                return;
            }
            lastLine = System.nanoTime();
            log.info("{}: candidate {}/{} started: {}", name, info.getIndex() + 1, planned, Params.describe(c.params()));
            return;
        }
        if (result == null || !(result.getModelSpecificResults() instanceof CandidateRecord c)) {
            return;
        }
        finished++;
        busySeconds += c.seconds();
        String outcome;
        boolean notable = !c.ok();
        if (c.ok()) {
            if (Double.isNaN(best) || c.score() > best) {
                notable = true;
                best = c.score();
                bestIndex = c.index();
            }
            outcome = String.format(Locale.ROOT, "validation accuracy %.4f", c.score());
        } else {
            failed++;
            outcome = "FAILED (" + c.failure() + ")";
        }
        long now = System.nanoTime();
        double elapsed = (now - start) / 1e9;
        int left = Math.max(0, planned - finished);
        if (!notable && left > 0 && (now - lastLine) / 1e9 < QUIET_SECONDS) {
            return;
        }
        lastLine = now;
        double eta = left * (busySeconds / finished) / Math.min(parallelism, Math.max(left, 1));
        log.info(String.format(Locale.ROOT, "%s: candidate %d/%d %s in %.1f s | best %s | %d done, %d failed | %s | %s",
                name, c.index() + 1, planned, outcome, c.seconds(),
                bestIndex < 0 ? "none yet" : String.format(Locale.ROOT, "%.4f (candidate %d)", best, bestIndex + 1),
                finished, failed, Progress.formatSeconds(elapsed),
                left == 0 ? "done" : "ETA " + Progress.formatSeconds(eta)));
    }
}
