package lab.core.search;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.core.engine.Task;
import lab.core.engine.TaskEngine;
import org.deeplearning4j.arbiter.optimize.api.Candidate;
import org.deeplearning4j.arbiter.optimize.api.CandidateGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A search whose candidates run on a {@link TaskEngine} (Spark): the same Arbiter generator, seed
 * and budget as {@link ArbiterSearch}, so the same candidates in the same order; they are drawn
 * up front (all of a capped budget at once, else waves of the engine's size until the time budget
 * is spent) and trained as independent tasks. A task the engine gave up on (after its retries)
 * is a failed candidate; the search goes on. The result has the same form as a local search's.
 */
public final class EngineSearch {
    private static final Logger LOG = LoggerFactory.getLogger(EngineSearch.class);

    private EngineSearch() {
    }

    /** One candidate as a task's input. */
    record Input(int index, LinkedHashMap<String, Object> params) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** One trained candidate as it comes back: the record's fields and the winner's model. */
    record Output(double score, String failure, double seconds, Serializable model) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Runs the trainer where the engine puts it, timing it and turning an exception into a failure, as locally. */
    record Train(RemoteTrainer trainer) implements Task<Input, Output> {
        private static final long serialVersionUID = 1L;

        @Override
        public Output run(Input input) {
            long start = System.nanoTime();
            RemoteTrainer.RemoteOutcome outcome;
            try {
                outcome = trainer.train(input.index(), input.params());
            } catch (RuntimeException e) {
                LOG.debug("candidate {} threw", input.index(), e);
                outcome = RemoteTrainer.RemoteOutcome.failed(ArbiterSearch.failure(e));
            }
            if (outcome.ok() && !Double.isFinite(outcome.score())) {
                outcome = RemoteTrainer.RemoteOutcome.failed("score is " + outcome.score());
            }
            return new Output(outcome.score(), outcome.failure(), (System.nanoTime() - start) / 1e9,
                    outcome.ok() ? outcome.model() : null);
        }
    }

    /** The best candidate so far and its model; offered in index order, so a tie keeps the earlier one, as locally. */
    private static final class Best {
        private CandidateRecord record;
        private Serializable model;

        void offer(CandidateRecord candidate, Serializable itsModel) {
            if (candidate.ok() && (record == null || candidate.score() > record.score())) {
                record = candidate;
                model = itsModel; // the others' models go now
            }
        }
    }

    @SuppressWarnings("unchecked")
    public static ArbiterSearch.Result run(TaskEngine engine, String name, List<Dimension> dimensions, SearchPlan plan,
                                           RemoteTrainer trainer) {
        int planned = ArbiterSearch.planned(dimensions, plan);
        CandidateGenerator generator = ArbiterSearch.generator(dimensions, plan, planned);
        ArbiterSearch.seed(generator, plan);
        int wave = planned == Integer.MAX_VALUE ? Math.max(plan.parallelism(), engine.parallelism()) : planned;
        List<CandidateRecord> records = new ArrayList<>();
        Best best = new Best();
        long start = System.nanoTime();
        while (generator.hasMoreCandidates() && records.size() < planned) {
            List<Input> inputs = new ArrayList<>();
            while (inputs.size() < wave && records.size() + inputs.size() < planned && generator.hasMoreCandidates()) {
                Candidate candidate = generator.getCandidate();
                inputs.add(new Input(candidate.getIndex(), new LinkedHashMap<>((Map<String, Object>) candidate.getValue())));
            }
            LOG.info("{}: {} candidate(s) to {}", name, inputs.size(), engine.describe());
            engine.runEach(name, inputs, new Train(trainer), (i, result) -> {
                Input input = inputs.get(i);
                Output out = result.ok() ? result.value()
                        : new Output(Double.NaN, "task failed: " + result.failure(), 0, null);
                CandidateRecord record = new CandidateRecord(input.index(), input.params(),
                        out.failure() == null ? out.score() : Double.NaN, out.seconds(), out.failure());
                records.add(record);
                best.offer(record, out.model());
                LOG.info(String.format(Locale.ROOT, "%s: candidate %d: %s -> %s", name, input.index() + 1,
                        Params.describe(record.params()), record.ok()
                                ? String.format(Locale.ROOT, "validation %.4f (%.1f s)", record.score(), record.seconds())
                                : "FAILED: " + record.failure()));
            });
        }
        return new ArbiterSearch.Result(List.copyOf(records), best.model, planned, (System.nanoTime() - start) / 1e9);
    }
}
