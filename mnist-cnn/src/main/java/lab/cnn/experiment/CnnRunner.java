package lab.cnn.experiment;

import java.nio.file.Path;
import java.util.Locale;
import lab.cnn.backend.Backend;
import lab.cnn.model.DeepMnistNetwork;
import lab.cnn.report.CnnMetrics;
import lab.cnn.report.CurveCsv;
import lab.cnn.report.Environment;
import lab.cnn.train.CnnTrainer;
import lab.cnn.train.EvalPoint;
import lab.cnn.train.Schedule;
import lab.cnn.train.TrainingRun;
import lab.core.RunContext;
import lab.core.io.AtomicFiles;
import lab.core.io.Json;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@code kind: cnn} experiment: verified data, the network, training with evaluation,
 * then {@code <results>/cnn/<name>/} (metrics.json, loss.csv, eval.csv) and the trained model in
 * {@code <runs>/<name>/model.zip}.
 */
public final class CnnRunner {
    private static final Logger LOG = LoggerFactory.getLogger(CnnRunner.class);

    private CnnRunner() {
    }

    public static CnnOutcome run(String name, CnnExperiment spec, RunContext ctx) {
        Path resultDir = ctx.resultsDir().resolve("cnn").resolve(name);
        Path runDir = ctx.runsDir().resolve(name);
        AtomicFiles.requireWritableDirectory(resultDir);
        AtomicFiles.requireWritableDirectory(runDir);
        RunMonitor.checkUi(spec); // a busy UI port fails now, before the data loads

        CnnData data = CnnData.load(name, spec, ctx);
        Backend.applyThreads(null);
        boolean monitored = spec.monitorEvery() > 0;
        MultiLayerNetwork net = monitored ? DeepMnistNetwork.createMonitored(spec.networkSpec())
                : DeepMnistNetwork.create(spec.networkSpec());
        long iterations = spec.totalIterations(data.trainCount());
        LOG.info(String.format(Locale.ROOT, "%s: %s, %d parameters; %s: %d train / %d validation / %d test images; "
                        + "%d iterations (%.2f epochs), evaluation every %d", name, spec.shortConfig(), net.numParams(),
                data.name(), data.trainCount(), data.validationCount(), data.testCount(), iterations,
                (double) iterations / spec.iterationsPerEpoch(data.trainCount()), spec.evalInterval(data.trainCount())));

        Schedule schedule = new Schedule(iterations, spec.evalInterval(data.trainCount()), spec.lossEvery());
        TrainingRun run;
        try (RunMonitor monitor = monitored ? RunMonitor.attach(name, net, spec, data, runDir) : null) {
            run = new CnnTrainer(name, schedule).train(net, data.train(), data.validation(), data.test(),
                    data.trainCount());
        }

        Path model = runDir.resolve("model.zip");
        saveModel(net, model);
        EvalPoint last = run.last();
        double val = last == null ? Double.NaN : last.valAccuracy();
        double test = last == null ? Double.NaN : last.testAccuracy();
        CnnMetrics metrics = new CnnMetrics(name, spec.description(), "mvn -q compile exec:java -Dexp=" + name, spec,
                new CnnMetrics.DatasetInfo(data.name(), data.source(), data.trainCount(), data.validationCount(),
                        data.testCount()),
                val, test, 1 - val, 1 - test, run.trainSeconds(), run.evalSeconds(), run.imagesPerSecond(),
                run.iterations(), run.epochs(), run.diverged(), run.diverged() ? run.divergedAt() : null,
                new CnnMetrics.Curves(run.loss(), run.evals()), Environment.backend(), Environment.versions(),
                model.toString());
        CurveCsv.writeLoss(run.loss(), resultDir.resolve("loss.csv"));
        CurveCsv.writeEval(run.evals(), resultDir.resolve("eval.csv"));
        Json.write(resultDir.resolve("metrics.json"), metrics); // last: its presence means the run is complete

        LOG.info(String.format(Locale.ROOT, "%s: validation accuracy %.4f, test accuracy %.4f, %.1f s training "
                        + "(%.0f img/s), %.1f s evaluating%s -> %s", name, val, test, run.trainSeconds(),
                run.imagesPerSecond(), run.evalSeconds(), run.diverged() ? ", DIVERGED at iteration "
                        + run.divergedAt() : "", resultDir));
        return new CnnOutcome(name, spec, run, resultDir, model);
    }

    /** ModelSerializer into a temporary file beside the target, then renamed over it. */
    static void saveModel(MultiLayerNetwork net, Path target) {
        AtomicFiles.write(target, out -> ModelSerializer.writeModel(net, out, true));
    }
}
