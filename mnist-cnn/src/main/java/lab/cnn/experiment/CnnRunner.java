package lab.cnn.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import lab.cnn.backend.Backend;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.data.ImageSplit;
import lab.cnn.model.DeepMnistNetwork;
import lab.cnn.report.CnnMetrics;
import lab.cnn.report.CurveCsv;
import lab.cnn.report.ExperimentReport;
import lab.cnn.report.MistakesGrid;
import lab.cnn.report.PredictionCsv;
import lab.cnn.report.Environment;
import lab.cnn.train.CheckpointStore;
import lab.cnn.train.CnnTrainer;
import lab.cnn.train.EvalPoint;
import lab.cnn.train.Schedule;
import lab.cnn.train.TestPredictions;
import lab.cnn.train.StopRequest;
import lab.cnn.train.TrainingRun;
import lab.cnn.train.TrainingState;
import lab.core.kind.RunContext;
import lab.core.UserError;
import lab.core.io.AtomicFiles;
import lab.core.io.DisplayPaths;
import lab.core.io.DirectoryLock;
import lab.core.io.Json;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@code kind: cnn} experiment: verified data, the network (or the newest checkpoint of
 * an interrupted run of the same experiment), training with evaluation and checkpoints, then
 * {@code <results>/cnn/<name>/} (metrics.json, loss.csv, eval.csv; confusion.csv, mistakes.csv and
 * mistakes.png from the final test evaluation) and the trained model in
 * {@code <runs>/<name>/model.zip}. A finished run deletes its checkpoints.
 */
public final class CnnRunner {
    static final String CHECKPOINTS = "checkpoints";
    private static final Logger LOG = LoggerFactory.getLogger(CnnRunner.class);

    private CnnRunner() {
    }

    public static CnnOutcome run(String name, CnnExperiment spec, RunContext ctx) {
        // data-parallel training needs the lab-spark module, which only the spark profile adds
        String profile = spec.distributed() != null ? "-Pspark " : "";
        return run(name, spec, ctx, "mvn -q " + profile + "compile exec:java -Dexp=" + name);
    }

    /** @param command how this run is repeated, for metrics.json (a suite's member names the suite) */
    public static CnnOutcome run(String name, CnnExperiment spec, RunContext ctx, String command) {
        return run(name, spec, ctx, command, null);
    }

    /**
     * @param modelShownAt where metrics.json says the model is (null: where it is written); a
     *                     suite member trained on Spark writes into scratch space, the driver puts it there
     */
    static CnnOutcome run(String name, CnnExperiment spec, RunContext ctx, String command, Path modelShownAt) {
        Path resultDir = ctx.resultsDir().resolve("cnn").resolve(name);
        Path runDir = ctx.runsDir().resolve(name);
        AtomicFiles.requireWritableDirectory(resultDir);
        AtomicFiles.requireWritableDirectory(runDir);
        RunMonitor.checkUi(spec); // a busy UI port fails now, before the data loads
        if (spec.distributed() != null) {
            DistributedTraining.find(name, spec.distributed().mode()); // so does a missing lab-spark
        }
        CnnData data = CnnData.load(name, spec, ctx);
        try (DirectoryLock ignored = DirectoryLock.acquire(runDir, "experiment " + name)) {
            return runLocked(name, spec, ctx, resultDir, runDir, data, command, modelShownAt);
        }
    }

    private static CnnOutcome runLocked(String name, CnnExperiment spec, RunContext ctx, Path resultDir,
                                        Path runDir, CnnData data, String command, Path modelShownAt) {
        boolean monitored = spec.monitorEvery() > 0;
        CheckpointStore checkpoints = new CheckpointStore(runDir.resolve(CHECKPOINTS), spec.keepCheckpoints(),
                fingerprint(spec));
        Optional<CheckpointStore.Restored> restored = ctx.resume() ? checkpoints.newest() : Optional.empty();
        if (restored.isEmpty()) {
            checkpoints.clear();
        }
        MultiLayerNetwork net = restored.map(CheckpointStore.Restored::net).orElseGet(() -> monitored
                ? DeepMnistNetwork.createMonitored(spec.networkSpec(), data.geometry())
                : DeepMnistNetwork.create(spec.networkSpec(), data.geometry()));
        TrainingState from = restored.map(r -> r.state().resumed()).orElse(TrainingState.start());
        // A resumed run keeps the thread count it trained with (it decides the float sums, so the
        // bits); else, with no -Dthreads / OMP_NUM_THREADS, measured on a copy of the network.
        Integer resumedThreads = Backend.threadsGivenByUser() ? null
                : restored.map(r -> r.state().threads()).orElse(null);
        Backend.applyThreads(resumedThreads, Backend.probeStep(net, ImageDataSetIterator.inOrder(data.train().split(),
                data.train().batch(), data.train().totalOutcomes()).next()));
        Environment.helpers(net); // warns now, not at the end, if a conv/pool layer has lost its oneDNN helper
        long iterations = spec.totalIterations(data.trainCount());
        long perEpoch = spec.iterationsPerEpoch(data.trainCount());
        LOG.info(String.format(Locale.ROOT, "%s: %s, %d parameters; %s: %d train / %d validation / %d test images; "
                        + "%d iterations (%.2f epochs), evaluation every %d", name, spec.shortConfig(), net.numParams(),
                data.name(), data.trainCount(), data.validationCount(), data.testCount(), iterations,
                (double) iterations / perEpoch, spec.evalInterval(data.trainCount())));
        restored.ifPresent(r -> LOG.info(String.format(Locale.ROOT, "%s: resuming at iteration %d of %d (epoch %.2f) "
                        + "from %s (-Dresume=false starts over)", name, r.state().iteration(), iterations,
                (double) r.state().images() / data.trainCount(), r.path())));

        Schedule schedule = new Schedule(iterations, spec.evalInterval(data.trainCount()), spec.lossEvery());
        CnnTrainer trainer = new CnnTrainer(name, schedule);
        if (spec.checkpointEvery() > 0) {
            trainer.checkpoints(checkpoints, spec.checkpointEvery(), perEpoch);
        }
        if (spec.earlyStopping() != null) {
            trainer.stopEarly(spec.earlyStopping().patience());
        }
        TrainingRun run;
        if (spec.distributed() != null) {
            // checkpoints at epoch ends only: a worker's mini-batches are not the driver's to count
            run = DistributedTraining.find(name, spec.distributed().mode()).train(name, net, spec, data, schedule, from,
                    spec.checkpointEvery() > 0 ? checkpoints : null);
        } else {
            run = trainLocally(name, spec, data, runDir, net, from, restored.isPresent(), trainer);
        }
        if (run.interrupted()) {
            throw UserError.runtime(name + ": interrupted at iteration " + run.iterations() + "; no results written");
        }

        Path model = runDir.resolve("model.zip");
        saveModel(net, model);
        EvalPoint last = run.last();
        double val = last == null ? Double.NaN : last.valAccuracy();
        double test = last == null ? Double.NaN : last.testAccuracy();
        CnnMetrics metrics = new CnnMetrics(name, spec.description(), command, spec,
                new CnnMetrics.DatasetInfo(data.name(), data.source(), data.trainCount(), data.validationCount(),
                        data.testCount()),
                val, test, 1 - val, 1 - test, run.trainSeconds(), run.evalSeconds(), run.imagesPerSecond(),
                run.iterations(), run.epochs(), run.diverged(), run.diverged() ? run.divergedAt() : null,
                run.resumedAt(), new CnnMetrics.Curves(run.loss(), run.evals()), Environment.backend(net),
                Environment.versions(),
                DisplayPaths.of(ctx.experimentsDir(), modelShownAt == null ? model : modelShownAt));
        writePredictions(name, run.testPredictions(), data.test().split(), resultDir);
        CurveCsv.writeLoss(run.loss(), resultDir.resolve("loss.csv"));
        CurveCsv.writeEval(run.evals(), resultDir.resolve("eval.csv"));
        Json.write(resultDir.resolve("metrics.json"), metrics); // last: its presence means the run is complete
        checkpoints.clear();

        LOG.info(String.format(Locale.ROOT, "%s: validation accuracy %.4f, test accuracy %.4f, %.1f s training "
                        + "(%.0f img/s), %.1f s evaluating%s -> %s", name, val, test, run.trainSeconds(),
                run.imagesPerSecond(), run.evalSeconds(), run.diverged() ? ", DIVERGED at iteration "
                        + run.divergedAt() : "", resultDir));
        return new CnnOutcome(name, spec, run, resultDir, model);
    }

    /** Training in this JVM, with Ctrl-C stop and the optional monitor. */
    private static TrainingRun trainLocally(String name, CnnExperiment spec, CnnData data, Path runDir,
                                            MultiLayerNetwork net, TrainingState from, boolean resumed,
                                            CnnTrainer trainer) {
        try (StopRequest stop = StopRequest.onShutdown(name);
             RunMonitor monitor = RunMonitor.attach(name, net, spec, data, runDir, resumed ? from.iteration() : -1)) {
            return trainer.stopOn(stop).observe(monitor.observer()).train(net, data.train(), data.validation(),
                    data.test(), data.trainCount(), from);
        }
    }

    /**
     * confusion.csv, mistakes.csv and mistakes.png from the final test evaluation, for the report;
     * a run without one (diverged, no test set) removes those of an earlier run.
     */
    static void writePredictions(String name, TestPredictions predictions, ImageSplit test, Path resultDir) {
        Path confusion = resultDir.resolve(PredictionCsv.CONFUSION);
        Path mistakes = resultDir.resolve(PredictionCsv.MISTAKES);
        Path grid = resultDir.resolve(ExperimentReport.MISTAKES_PNG);
        if (predictions == null) {
            try {
                for (Path stale : List.of(confusion, mistakes, grid, resultDir.resolve(ExperimentReport.CONFUSION_PNG))) {
                    Files.deleteIfExists(stale);
                }
            } catch (IOException e) {
                throw UserError.runtime(resultDir + ": cannot remove an earlier run's test predictions: "
                        + e.getMessage(), e);
            }
            return;
        }
        PredictionCsv.writeConfusion(predictions.confusion(), confusion);
        PredictionCsv.writeMistakes(predictions.mistakes(), mistakes);
        MistakesGrid.write(name + ": the most confident mistakes (true \u2192 predicted (p))", predictions.mistakes(),
                test, grid);
    }

    /**
     * Whether {@code name} has finished before with this configuration: its metrics.json (written
     * last) records the same configuration and its model is in the runs directory.
     */
    static boolean finishedBefore(String name, CnnExperiment spec, RunContext ctx) {
        Path metrics = ctx.resultsDir().resolve("cnn").resolve(name).resolve("metrics.json");
        if (!Files.isRegularFile(metrics) || !Files.isRegularFile(ctx.runsDir().resolve(name).resolve("model.zip"))) {
            return false;
        }
        try {
            JsonNode config = Json.mapper().readTree(metrics.toFile()).get("config");
            return config instanceof ObjectNode saved && fingerprint(spec).equals(shaping(saved));
        } catch (IOException e) {
            return false; // unreadable: train it again
        }
    }

    /**
     * The configuration a checkpoint (or a finished run) must match to be resumed (or skipped):
     * everything that shapes the training, as it reads back from JSON.
     */
    static JsonNode fingerprint(CnnExperiment spec) {
        try {
            return shaping((ObjectNode) Json.mapper().readTree(Json.toJson(spec)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code config} without the keys that do not change what is trained (the kind tag, the description, checkpointing). */
    private static ObjectNode shaping(ObjectNode config) {
        config.remove(List.of("kind", "description", "checkpoint_every", "keep_checkpoints"));
        return config;
    }

    /** ModelSerializer into a temporary file beside the target, then renamed over it. */
    static void saveModel(MultiLayerNetwork net, Path target) {
        AtomicFiles.write(target, out -> ModelSerializer.writeModel(net, out, true));
    }
}
