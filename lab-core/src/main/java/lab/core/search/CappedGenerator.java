package lab.core.search;

import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.ParameterSpace;

/**
 * An Arbiter generator that stops handing out candidates once the budget is spent: after
 * {@code cap} candidates, or once the deadline has passed. Arbiter's runner queues a new candidate
 * whenever a slot is free and checks its termination conditions only between candidates, so
 * without this a random search with parallelism 2 would start one candidate past
 * {@code max_candidates}, and a time budget would start new ones right up to the end.
 */
final class CappedGenerator implements CandidateGenerator {
    private final CandidateGenerator delegate;
    private final int cap;
    private final long deadlineNanos;
    private int produced;

    /** @param deadlineNanos a {@link System#nanoTime()} after which no candidate starts; 0 for none */
    CappedGenerator(CandidateGenerator delegate, int cap, long deadlineNanos) {
        this.delegate = delegate;
        this.cap = cap;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public synchronized boolean hasMoreCandidates() {
        return produced < cap && delegate.hasMoreCandidates()
                && (deadlineNanos == 0 || System.nanoTime() - deadlineNanos < 0);
    }

    @Override
    public synchronized Candidate getCandidate() {
        produced++;
        return delegate.getCandidate();
    }

    @Override
    public void reportResults(OptimizationResult result) {
        delegate.reportResults(result);
    }

    @Override
    public ParameterSpace<?> getParameterSpace() {
        return delegate.getParameterSpace();
    }

    @Override
    public void setRngSeed(long rngSeed) {
        delegate.setRngSeed(rngSeed);
    }

    @Override
    public Class<?> getCandidateType() {
        return delegate.getCandidateType();
    }
}
