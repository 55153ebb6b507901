package lab.cnn.search;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.cnn.backend.Backend;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.experiment.CnnExperiment;
import lab.cnn.experiment.CnnImages;
import lab.cnn.model.DeepMnistNetwork;
import lab.cnn.train.CnnTrainer;
import lab.cnn.train.LossPoint;
import lab.cnn.train.Schedule;
import lab.cnn.train.TrainingRun;
import lab.core.kind.RunContext;
import lab.core.engine.Engine;
import lab.core.engine.RemoteContext;
import lab.core.engine.TaskEngine;
import lab.core.engine.TaskEngines;
import lab.core.io.AtomicFiles;
import lab.core.search.ArbiterSearch;
import lab.core.search.CandidateOutcome;
import lab.core.search.CandidateRecord;
import lab.core.search.Dimension;
import lab.core.search.EngineSearch;
import lab.core.search.Params;
import lab.core.search.SearchPlan;
import lab.core.search.SearchReport;
import lab.core.search.SearchSummary;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code kind: search}: Arbiter picks the candidates, each is trained by the project's own
 * network and trainer (DeepMnistNetwork, CnnTrainer: seeded init and dropout, maxout, the oneDNN
 * path, the divergence guard) and scored on the validation images. The winner alone is evaluated
 * on the test images and saved to {@code <runs>/<name>/best-model.zip}; the leaderboard, chart
 * and summary go to {@code <results>/search/<name>/}, each candidate's validation error to
 * {@code <runs>/<name>/tensorboard/}. With {@code engine: spark} each candidate is a Spark task
 * ({@link RemoteCandidates}); the driver tests and saves the winner as locally.
 */
public final class CnnSearchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CnnSearchRunner.class);

    private CnnSearchRunner() {
    }

    public static SearchSummary run(String name, CnnSearch search, RunContext ctx) {
        CnnExperiment base = ctx.experiments().reference(search.base(), CnnExperiment.class,
                List.of("experiments", name, "base"));
        Engine engine = Engine.chosen(search.engine());
        TaskEngine tasks = engine == Engine.LOCAL ? null : TaskEngines.get(engine, name); // a missing module fails now
        SearchPlan plan = search.plan();
        List<Dimension> dimensions = search.parameters().dimensions();
        Path resultDir = ctx.resultsDir().resolve("search").resolve(name);
        Path runDir = ctx.runsDir().resolve(name);
        AtomicFiles.requireWritableDirectory(resultDir);
        AtomicFiles.requireWritableDirectory(runDir);

        CnnExperiment shape = CandidateSpecs.derive(base, search, Map.of());
        CnnImages data = CnnImages.load(search.base(), shape, ctx);
        // Two candidates at once on a small machine: one native thread each, not two fighting for each core.
        int threads = plan.parallelism() > 1 ? 1 : Backend.applyThreads(null);
        if (plan.parallelism() > 1) {
            Backend.setThreads(threads);
        }
        int trainCount = data.images().train().size();
        long iterations = shape.totalIterations(trainCount);
        LOG.info(String.format(Locale.ROOT, "%s: %s search over %s from %s (%s); up to %s candidates%s, %d at a time "
                        + "(%d native thread(s)); each %d iterations on %d %s training images, scored on %d "
                        + "validation images", name, plan.generator(), dimensions.stream().map(Dimension::name).toList(),
                search.base(), base.shortConfig(), budget(dimensions, plan),
                plan.maxMinutes() == null ? "" : String.format(Locale.ROOT, " or %.1f min", plan.maxMinutes()),
                plan.parallelism(), threads, iterations, trainCount, data.name(), data.images().validation().size()));

        ArbiterSearch.Result result;
        try (SearchTensorBoard tensorBoard = new SearchTensorBoard(runDir.resolve("tensorboard"))) {
            if (engine == Engine.LOCAL) {
                result = ArbiterSearch.run(name, dimensions, plan, (index, params) -> {
                    CandidateOutcome outcome = train(name, index, base, search, params, data);
                    tensorBoard.candidate(index, params, outcome);
                    return outcome;
                });
            } else {
                result = EngineSearch.run(tasks, name, dimensions, plan, new RemoteCandidates(RemoteContext.of(ctx), name));
                result.candidates().forEach(tensorBoard::candidate);
            }
        }

        CandidateRecord best = result.best();
        SearchSummary.Winner winner = null;
        String model = null;
        if (best != null) {
            MultiLayerNetwork net = result.bestModel() instanceof byte[] saved ? RemoteCandidates.restore(saved)
                    : (MultiLayerNetwork) result.bestModel();
            ImageDataSetIterator test = data.test();
            double testAccuracy = net.evaluate(test).accuracy();
            Path modelFile = runDir.resolve("best-model.zip");
            AtomicFiles.write(modelFile, out -> ModelSerializer.writeModel(net, out, true));
            // Named from the runs directory down, so the committed summary holds no machine's path.
            model = ctx.runsDir().getFileName() + "/" + name + "/best-model.zip";
            winner = new SearchSummary.Winner(best.index() + 1, best.params(), best.score(), testAccuracy,
                    best.seconds());
        }
        int failed = (int) result.candidates().stream().filter(c -> !c.ok()).count();
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("dataset", data.name() + " (" + data.source() + ")");
        setup.put("images", String.format(Locale.ROOT, "%d train, %d validation (scores every candidate), %d test "
                        + "(the winner only)", trainCount, data.images().validation().size(),
                data.images().test().size()));
        setup.put("training per candidate", String.format(Locale.ROOT, "%d iterations (%.2f epochs) at the candidate's "
                + "batch size, evaluated once at the end", iterations, (double) iterations
                / shape.iterationsPerEpoch(trainCount)));
        setup.put("base settings", base.shortConfig() + ", dropout keep " + base.dropoutKeep() + ", fc " + base.fcWidth()
                + ", seed " + base.seed() + " (the same seed for every candidate)");
        setup.put("native threads", threads);
        SearchSummary summary = new SearchSummary(name, "search", search.description(),
                "mvn -q compile exec:java -Dexp=" + name, search.base(), "validation accuracy", plan,
                dimensions.stream().map(Dimension::name).toList(), result.planned(), result.candidates().size(),
                failed, result.seconds(), winner, model, setup);
        SearchReport.write(resultDir, dimensions, result, summary);
        LOG.info(String.format(Locale.ROOT, "%s: %d candidates (%d failed) in %.1f min; %s -> %s", name,
                result.candidates().size(), failed, result.seconds() / 60, winner == null ? "every candidate failed"
                        : String.format(Locale.ROOT, "best: candidate %d, %s: validation %.4f, test %.4f",
                        winner.candidate(), Params.describe(winner.parameters()), winner.validationAccuracy(),
                        winner.testAccuracy()), resultDir));
        return summary;
    }

    private static String budget(List<Dimension> dimensions, SearchPlan plan) {
        int planned = ArbiterSearch.planned(dimensions, plan);
        return planned == Integer.MAX_VALUE ? "unlimited" : Integer.toString(planned);
    }

    /** One candidate: the base with the sampled values, trained and scored on validation only. */
    static CandidateOutcome train(String name, int index, CnnExperiment base, CnnSearch search,
                                  Map<String, Object> params, CnnImages data) {
        CnnExperiment spec = CandidateSpecs.derive(base, search, params);
        MultiLayerNetwork net = DeepMnistNetwork.create(spec.networkSpec(), data.geometry());
        ImageDataSetIterator train = data.train(spec);
        Schedule schedule = new Schedule(spec.totalIterations(train.numExamples()), CandidateSpecs.EVALUATE_AT_END,
                spec.lossEvery());
        TrainingRun run = new CnnTrainer(name + " #" + (index + 1), schedule).train(net, train, data.validation(), null,
                train.numExamples());
        if (run.diverged()) {
            List<LossPoint> loss = run.loss();
            double last = loss.isEmpty() ? Double.NaN : loss.get(loss.size() - 1).loss();
            return CandidateOutcome.failed("diverged: loss " + last + " at iteration " + run.divergedAt());
        }
        return CandidateOutcome.scored(run.last().valAccuracy(), net);
    }
}
