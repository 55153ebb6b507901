package lab.mlp.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
import lab.mlp.data.Dataset;
import lab.mlp.experiment.MlpExperiment;
import lab.mlp.experiment.NetworkType;
import lab.mlp.experiment.Networks;
import lab.mlp.model.Activation;
import lab.mlp.model.Network;
import lab.mlp.train.JitWarmup;
import lab.mlp.train.Score;
import lab.mlp.train.Trainer;
import lab.mlp.train.TrainingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs {@code kind: mlp-search}: Arbiter picks the candidates, the from-scratch trainer trains
 * each on the train split, validation accuracy ranks them, the winner alone meets the test split.
 * Results: {@code <results>/search/<name>/} (no model file: the winner's parameters in
 * summary.json rebuild it in well under a second).
 */
public final class MlpSearchRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MlpSearchRunner.class);

    private MlpSearchRunner() {
    }

    public static SearchSummary run(String name, MlpSearch search, RunContext ctx) {
        MlpExperiment base = ctx.experiments().reference(search.base(), MlpExperiment.class,
                List.of("experiments", name, "base"));
        Engine engine = Engine.chosen(search.engine());
        TaskEngine tasks = engine == Engine.LOCAL ? null : TaskEngines.get(engine, name); // a missing module fails now
        SearchPlan plan = search.plan();
        List<Dimension> dimensions = search.parameters().dimensions();
        Path resultDir = ctx.resultsDir().resolve("search").resolve(name);
        AtomicFiles.requireWritableDirectory(resultDir);
        SearchSplits data = SearchSplits.of(search.base(), base.dataset(), ctx);
        JitWarmup.ensure();
        int passes = search.passes() != null ? search.passes() : base.passes();
        LOG.info(String.format(Locale.ROOT, "%s: %s search over %s from %s (%s), %d passes each, %d at a time; "
                        + "%s", name, plan.generator(), dimensions.stream().map(Dimension::name).toList(), search.base(),
                base.shortConfig(), passes, plan.parallelism(), data.train().name()));

        ArbiterSearch.Result result = engine == Engine.LOCAL
                ? ArbiterSearch.run(name, dimensions, plan,
                        (index, params) -> train(candidate(base, passes, params, data.train()), data))
                : EngineSearch.run(tasks, name, dimensions, plan,
                        new RemoteCandidates(RemoteContext.of(ctx), name));

        CandidateRecord best = result.best();
        SearchSummary.Winner winner = null;
        if (best != null) {
            // on an engine the candidate's task measured it (the network stays there): the same number
            double test = result.bestModel() instanceof Double measured ? measured
                    : Score.of((Network) result.bestModel(), data.test()).accuracy();
            winner = new SearchSummary.Winner(best.index() + 1, best.params(), best.score(), test, best.seconds());
        }
        int failed = (int) result.candidates().stream().filter(c -> !c.ok()).count();
        Map<String, Object> setup = new LinkedHashMap<>();
        setup.put("dataset", base.dataset().describe() + ", drawn 3 times over: " + data.train().size() + " train, "
                + data.validation().size() + " validation (scores every candidate), " + data.test().size()
                + " test (the winner only)");
        setup.put("training per candidate", passes + (base.batchSize() == 0 ? " full-batch passes" : " epochs of batch "
                + base.batchSize()) + ", gradient " + base.gradient());
        setup.put("base settings", base.shortConfig() + ", seed " + base.seed() + " (the same seed for every candidate)");
        SearchSummary summary = new SearchSummary(name, "mlp-search", search.description(),
                "mvn -q compile exec:java -Dexp=" + name, search.base(), "validation accuracy", plan,
                dimensions.stream().map(Dimension::name).toList(), result.planned(), result.candidates().size(), failed,
                result.seconds(), winner, null, setup);
        SearchReport.write(resultDir, dimensions, result, summary);
        LOG.info(String.format(Locale.ROOT, "%s: %d candidates (%d failed) in %.1f s; %s -> %s", name,
                result.candidates().size(), failed, result.seconds(), winner == null ? "every candidate failed"
                        : String.format(Locale.ROOT, "best: candidate %d, %s: validation %.4f, test %.4f",
                        winner.candidate(), Params.describe(winner.parameters()), winner.validationAccuracy(),
                        winner.testAccuracy()), resultDir));
        return summary;
    }

    /** The base with the sampled values: an n-layer net of hidden_layers x hidden_width. */
    static MlpExperiment candidate(MlpExperiment base, int passes, Map<String, Object> params, Dataset train) {
        List<Integer> baseLayers = base.layers();
        int width = ((Number) params.getOrDefault("hidden_width",
                baseLayers.size() > 2 ? baseLayers.get(1) : 3)).intValue();
        int depth = ((Number) params.getOrDefault("hidden_layers", Math.max(1, baseLayers.size() - 2))).intValue();
        List<Integer> layers = new ArrayList<>();
        layers.add(train.numFeatures());
        for (int i = 0; i < depth; i++) {
            layers.add(width);
        }
        layers.add(train.numClasses());
        Activation activation = (Activation) params.getOrDefault("activation", base.activation());
        double regLambda = ((Number) params.getOrDefault("reg_lambda", base.regLambda())).doubleValue();
        // "epsilon" is the learning rate of whichever optimizer the base uses.
        double epsilon = ((Number) params.getOrDefault("epsilon", base.effectiveOptimizer().learningRate())).doubleValue();
        return base.withLayers(layers, NetworkType.N_LAYER).withActivation(activation).withRegLambda(regLambda)
                .withLearningRate(epsilon).withPasses(passes).withFramesEvery(null);
    }

    static CandidateOutcome train(MlpExperiment spec, SearchSplits data) {
        Network net = Networks.create(spec, Math.max(Networks.capacity(spec, data.train().size()),
                data.validation().size()));
        TrainingResult result = new Trainer(spec.trainingConfig(), null).train(net, data.train());
        if (result.diverged()) {
            return CandidateOutcome.failed("diverged: " + result.divergence());
        }
        return CandidateOutcome.scored(Score.of(net, data.validation()).accuracy(), net);
    }
}
