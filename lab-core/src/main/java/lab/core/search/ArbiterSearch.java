package lab.core.search;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.deeplearning4j.arbiter.optimize.api.OptimizationResult;
import org.deeplearning4j.arbiter.optimize.api.TaskCreator;
import org.deeplearning4j.arbiter.optimize.api.data.DataProvider;
import org.deeplearning4j.arbiter.optimize.api.data.DataSource;
import org.deeplearning4j.arbiter.optimize.api.score.ScoreFunction;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxCandidatesCondition;
import org.deeplearning4j.arbiter.optimize.api.termination.MaxTimeCondition;
import org.deeplearning4j.arbiter.optimize.api.termination.TerminationCondition;
import org.deeplearning4j.arbiter.optimize.config.OptimizationConfiguration;
import org.deeplearning4j.arbiter.optimize.generator.GridSearchCandidateGenerator;
import org.deeplearning4j.arbiter.optimize.generator.RandomSearchGenerator;
import org.deeplearning4j.arbiter.optimize.runner.CandidateInfo;
import org.deeplearning4j.arbiter.optimize.runner.CandidateStatus;
import org.deeplearning4j.arbiter.optimize.runner.IOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.LocalOptimizationRunner;
import org.deeplearning4j.arbiter.optimize.runner.listener.StatusListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A hyperparameter search on Arbiter's generic API: the dimensions become one parameter space,
 * Arbiter's random or grid generator draws candidates from it, its {@link LocalOptimizationRunner}
 * schedules them ({@code parallelism} at a time) under {@link MaxCandidatesCondition} /
 * {@link MaxTimeCondition}, and a {@link TaskCreator} hands each candidate to the caller's
 * {@link Trainer}: the project trains its own networks, Arbiter only decides what to try.
 * A trainer that throws, or reports a failure, makes that candidate failed; the search goes on.
 */
public final class ArbiterSearch {
    private static final Logger LOG = LoggerFactory.getLogger(ArbiterSearch.class);

    /** Trains one candidate; called from Arbiter's worker threads. */
    @FunctionalInterface
    public interface Trainer {
        CandidateOutcome train(int index, Map<String, Object> params);
    }

    /**
     * @param candidates every candidate in the order generated
     * @param bestModel  the model of the best candidate that did not fail, or null if all failed
     * @param seconds    wall time of the whole search
     */
    public record Result(List<CandidateRecord> candidates, Object bestModel, int planned, double seconds) {
        public CandidateRecord best() {
            return candidates.stream().filter(CandidateRecord::ok)
                    .max(Comparator.comparingDouble(CandidateRecord::score)
                            .thenComparing(Comparator.comparingInt(CandidateRecord::index).reversed()))
                    .orElse(null);
        }
    }

    private ArbiterSearch() {
    }

    /** Candidates the plan allows: max_candidates, or the grid's size if smaller (or if no cap is given). */
    public static int planned(List<Dimension> dimensions, SearchPlan plan) {
        if (plan.generator() == Generator.GRID) {
            int grid = gridGenerator(dimensions, plan).getTotalNumCandidates();
            return plan.maxCandidates() == null ? grid : Math.min(grid, plan.maxCandidates());
        }
        return plan.maxCandidates() == null ? Integer.MAX_VALUE : plan.maxCandidates();
    }

    public static Result run(String name, List<Dimension> dimensions, SearchPlan plan, Trainer trainer) {
        int planned = planned(dimensions, plan);
        CandidateGenerator generator = generator(dimensions, plan, planned);

        List<TerminationCondition> stop = new ArrayList<>();
        if (planned != Integer.MAX_VALUE) {
            stop.add(new MaxCandidatesCondition(planned));
        }
        if (plan.maxMinutes() != null) {
            stop.add(new MaxTimeCondition(Math.round(plan.maxMinutes() * 60), TimeUnit.SECONDS));
        }
        stop.add(new Exhausted(generator));
        OptimizationConfiguration config = new OptimizationConfiguration.Builder()
                .candidateGenerator(generator)
                .scoreFunction(new ValidationAccuracy())
                .terminationConditions(stop)
                .rngSeed(plan.seed())
                .build();

        Collector collector = new Collector();
        LocalOptimizationRunner runner = new LocalOptimizationRunner(plan.parallelism(), config,
                new Tasks(trainer, collector));
        runner.addListeners(new SearchProgress(LOG, name, planned == Integer.MAX_VALUE ? 0 : planned,
                plan.parallelism()));
        long start = System.nanoTime();
        runner.execute();
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(collector.records(), collector.bestModel(), planned, seconds);
    }

    /** The candidates of {@code plan}: Arbiter's generator, capped by the budget (its seed is set by the configuration). */
    static CandidateGenerator generator(List<Dimension> dimensions, SearchPlan plan, int planned) {
        CandidateGenerator base = plan.generator() == Generator.GRID ? gridGenerator(dimensions, plan)
                : new RandomSearchGenerator(new ParameterMapSpace(dimensions), null);
        long deadline = plan.maxMinutes() == null ? 0 : System.nanoTime() + Math.round(plan.maxMinutes() * 60e9);
        return new CappedGenerator(base, planned, deadline);
    }

    /** Seeds {@code generator} the way a search run does (Arbiter's configuration sets the seed). */
    static void seed(CandidateGenerator generator, SearchPlan plan) {
        new OptimizationConfiguration.Builder().candidateGenerator(generator).scoreFunction(new ValidationAccuracy())
                .terminationConditions(new MaxCandidatesCondition(1)).rngSeed(plan.seed()).build();
    }

    /** A trainer's exception as a candidate's failure: its class and message on one line. */
    static String failure(RuntimeException e) {
        return e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : ": " + e.getMessage().strip().replaceAll("\\s+", " "));
    }

    private static GridSearchCandidateGenerator gridGenerator(List<Dimension> dimensions, SearchPlan plan) {
        return new GridSearchCandidateGenerator(new ParameterMapSpace(dimensions), plan.gridPoints(),
                GridSearchCandidateGenerator.Mode.Sequential, null);
    }

    /** Stops the runner once the generator is spent and nothing is running (a grid, or a time budget). */
    private record Exhausted(CandidateGenerator generator) implements TerminationCondition {
        @Override
        public void initialize(IOptimizationRunner runner) {
        }

        @Override
        public boolean terminate(IOptimizationRunner runner) {
            return !generator.hasMoreCandidates() && runner.numCandidatesQueued() == 0;
        }
    }

    /** Higher validation accuracy is better. The score itself comes from the trainer. */
    private static final class ValidationAccuracy implements ScoreFunction {
        private static final long serialVersionUID = 1L;

        @Override
        public double score(Object model, DataProvider data, Map<String, Object> dataParameters) {
            throw new UnsupportedOperationException("candidates are scored by their trainer");
        }

        @Override
        public double score(Object model, Class<? extends DataSource> dataSource, Properties properties) {
            throw new UnsupportedOperationException("candidates are scored by their trainer");
        }

        @Override
        public boolean minimize() {
            return false;
        }

        @Override
        public List<Class<?>> getSupportedModelTypes() {
            return List.of(Object.class);
        }

        @Override
        public List<Class<?>> getSupportedDataTypes() {
            return List.of(Object.class);
        }
    }

    /** Every candidate's record, and the best model so far (ties: the earlier candidate). */
    private static final class Collector {
        private final List<CandidateRecord> records = new ArrayList<>();
        private CandidateRecord best;
        private Object bestModel;

        synchronized void add(CandidateRecord record, Object model) {
            records.add(record);
            if (record.ok() && (best == null || record.score() > best.score()
                    || (record.score() == best.score() && record.index() < best.index()))) {
                best = record;
                bestModel = model;
            }
        }

        synchronized List<CandidateRecord> records() {
            List<CandidateRecord> sorted = new ArrayList<>(records);
            sorted.sort(Comparator.comparingInt(CandidateRecord::index));
            return List.copyOf(sorted);
        }

        synchronized Object bestModel() {
            return bestModel;
        }
    }

    /** Arbiter's hook: a callable per candidate that runs the trainer and reports to the listeners. */
    private record Tasks(Trainer trainer, Collector collector) implements TaskCreator {
        @Override
        public Callable<OptimizationResult> create(Candidate candidate, DataProvider dataProvider,
                                                   ScoreFunction scoreFunction, List<StatusListener> listeners,
                                                   IOptimizationRunner runner) {
            return () -> runCandidate(candidate, listeners, runner);
        }

        @Override
        public Callable<OptimizationResult> create(Candidate candidate, Class<? extends DataSource> dataSource,
                                                   Properties dataSourceProperties, ScoreFunction scoreFunction,
                                                   List<StatusListener> listeners, IOptimizationRunner runner) {
            return () -> runCandidate(candidate, listeners, runner);
        }

        @SuppressWarnings("unchecked")
        private OptimizationResult runCandidate(Candidate candidate, List<StatusListener> listeners,
                                                IOptimizationRunner runner) {
            int index = candidate.getIndex();
            Map<String, Object> params = (Map<String, Object>) candidate.getValue();
            long created = System.currentTimeMillis();
            long start = System.nanoTime();
            CandidateInfo running = new CandidateInfo(index, CandidateStatus.Running, null, created, created, null,
                    candidate.getFlatParameters(), null);
            OptimizationResult started = new OptimizationResult(candidate, null, index,
                    new CandidateRecord(index, params, Double.NaN, 0, null), running, null);
            listeners.forEach(l -> l.onCandidateStatusChange(running, runner, started));

            CandidateOutcome outcome;
            try {
                outcome = trainer.train(index, params);
            } catch (RuntimeException e) {
                LOG.debug("candidate {} threw", index, e);
                outcome = CandidateOutcome.failed(failure(e));
            }
            if (outcome.ok() && !Double.isFinite(outcome.score())) {
                outcome = CandidateOutcome.failed("score is " + outcome.score());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            CandidateRecord record = new CandidateRecord(index, params, outcome.ok() ? outcome.score() : Double.NaN,
                    seconds, outcome.failure());
            collector.add(record, outcome.model());
            CandidateInfo done = new CandidateInfo(index, outcome.ok() ? CandidateStatus.Complete
                    : CandidateStatus.Failed, outcome.ok() ? outcome.score() : null, created, created,
                    System.currentTimeMillis(), candidate.getFlatParameters(), outcome.failure());
            OptimizationResult result = new OptimizationResult(candidate, done.getScore(), index, record, done, null);
            listeners.forEach(l -> l.onCandidateStatusChange(done, runner, result));
            return result;
        }
    }
}
