package lab.mlp.experiment;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import lab.core.kind.RunContext;
import lab.core.io.AtomicFiles;
import lab.core.io.Json;
import lab.core.progress.Progress;
import lab.mlp.data.Dataset;
import lab.mlp.model.Kernels;
import lab.mlp.model.Network;
import lab.mlp.monitor.MlpTensorBoard;
import lab.mlp.plot.BoundaryFrames;
import lab.mlp.plot.DecisionBoundaryChart;
import lab.mlp.plot.LossChart;
import lab.mlp.plot.ScatterChart;
import lab.mlp.report.LossCsv;
import lab.mlp.report.MlpMetrics;
import lab.mlp.report.MlpOutcome;
import lab.mlp.train.Score;
import lab.mlp.train.Trainer;
import lab.mlp.train.TrainingResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one {@code kind: mlp} experiment: data, network, training, then
 * {@code <results>/mlp/<name>/} with metrics.json, loss.csv, dataset.png, boundary.png, loss.png,
 * boundary.gif, and the TensorBoard log {@code <runs>/<name>/tensorboard/}.
 */
public final class MlpRunner {
    private static final Logger LOG = LoggerFactory.getLogger(MlpRunner.class);

    private MlpRunner() {
    }

    public static MlpOutcome run(String name, MlpExperiment spec, RunContext ctx) {
        Dataset data = loadChecked(name, spec, ctx);
        Path dir = ctx.resultsDir().resolve("mlp").resolve(name);
        AtomicFiles.requireWritableDirectory(dir);

        // Untimed first training of this very configuration (shapes, activation, optimizer, batch
        // path): the JIT compiles during it, so the timed run below measures the network, not the
        // compiler. A shared warm-up of other shapes is not enough: a new shape or optimizer still
        // compiles or deoptimises inside the first run that meets it.
        TrainingResult first = new Trainer(spec.trainingConfig(), null)
                .train(Networks.create(spec, Networks.capacity(spec, data.size())), data);
        Network net = Networks.create(spec, Networks.capacity(spec, data.size()));
        Progress progress = new Progress(LOG, name + ": pass", spec.passes(), Duration.ofSeconds(5));
        // Frames render through the network's batch; the trainer restores it, so numbers are unchanged.
        BoundaryFrames frames = data.numFeatures() == 2 && spec.framesEveryOrDefault() > 0
                ? new BoundaryFrames(spec.framesEveryOrDefault()) : null;
        Trainer trainer = new Trainer(spec.trainingConfig(),
                (point, total) -> progress.update(point.pass(), String.format(Locale.ROOT, "loss %.4f acc %.3f",
                        point.loss(), point.accuracy())), frames == null ? List.of() : List.of(frames));
        TrainingResult result;
        Path logDir = ctx.runsDir().resolve(name).resolve(MlpTensorBoard.DIRECTORY);
        try (MlpTensorBoard log = MlpTensorBoard.open(logDir)) {
            if (frames != null) {
                frames.alsoTo(log);
            }
            result = trainer.train(net, data);
            log.curve(result.curve());
        }
        // A second timed training: interference from other work only ever adds time, so the
        // fastest of the two is the better measurement of the network.
        TrainingResult again = new Trainer(spec.trainingConfig(), null)
                .train(Networks.create(spec, Networks.capacity(spec, data.size())), data);
        if (!first.curve().equals(result.curve()) || !again.curve().equals(result.curve())) {
            throw new IllegalStateException(name + ": identical trainings gave different curves: the numbers "
                    + "depend on JIT timing, which the kernels promise they never do (see docs/mlp-scratch.md)");
        }
        result = result.withSeconds(Math.min(result.seconds(), again.seconds()));

        // After training and its pictures' forward passes alike: scoring only reads the parameters.
        Score train = Score.of(net, data);
        Dataset heldOut = spec.dataset() instanceof GeneratedSpec g ? g.heldOut(ctx.experimentsDir()) : null;
        Score test = heldOut == null ? null : Score.of(net, heldOut);
        MlpMetrics metrics = MlpMetrics.of(name, spec.description(), spec,
                new MlpMetrics.DatasetInfo(data.name(), data.size(), data.numFeatures(), data.numClasses(),
                        Arrays.stream(data.classNames()).boxed().toList()),
                spec.network().toString(), parameterCount(net), result, first.seconds(),
                train, heldOut == null ? null : heldOut.name(), test,
                new MlpMetrics.Environment(System.getProperty("java.version"),
                        Runtime.getRuntime().availableProcessors(), Kernels.LANES));
        LossCsv.write(result.curve(), dir.resolve("loss.csv"));
        if (data.numFeatures() == 2) {
            String title = name + (result.diverged() ? " (DIVERGED)" : "");
            String subtitle = String.format(Locale.ROOT, "%s | loss %.4f | accuracy %.3f", spec.shortConfig(),
                    result.finalLoss(), result.trainAccuracy());
            ScatterChart.write(data, dir.resolve("dataset.png"));
            DecisionBoundaryChart.write(net, data, title, subtitle, dir.resolve("boundary.png"));
            LossChart.write(result.curve(), title, subtitle, dir.resolve("loss.png"));
            if (frames != null) {
                frames.writeGif(dir.resolve("boundary.gif"));
            }
        } else {
            LOG.info("{}: {} features, so no pictures (they need exactly 2)", name, data.numFeatures());
        }
        Json.write(dir.resolve("metrics.json"), metrics); // last: its presence means the run is complete

        if (result.diverged()) {
            LOG.warn("{}: training diverged: {}", name, result.divergence());
        }
        LOG.info(String.format(Locale.ROOT, "%s: %s on %s: loss %.4f, accuracy %.3f, %.3f s (first run, with JIT "
                        + "compiling: %.3f s)%s -> %s", name, spec.shortConfig(), data.name(), result.finalLoss(),
                result.trainAccuracy(), result.seconds(), first.seconds(),
                result.diverged() ? ", DIVERGED" : "", dir));
        return new MlpOutcome(name, spec.network() + " " + spec.shortConfig(), data.name(), result, dir, train, test);
    }

    /** The dataset, checked against the network's input and output sizes. */
    static Dataset loadChecked(String name, MlpExperiment spec, RunContext ctx) {
        Dataset data = spec.dataset().load(ctx.experimentsDir());
        List<Integer> layers = spec.layers();
        if (layers.get(0) != data.numFeatures()) {
            throw ctx.experiments().error(List.of("experiments", name, "layers"), "input size " + layers.get(0)
                    + " but " + data.name() + " has " + data.numFeatures() + " features");
        }
        if (layers.get(layers.size() - 1) != data.numClasses()) {
            throw ctx.experiments().error(List.of("experiments", name, "layers"), "output size "
                    + layers.get(layers.size() - 1) + " but " + data.name() + " has " + data.numClasses() + " classes");
        }
        return data;
    }

    static int parameterCount(Network net) {
        return net.parameters().stream().mapToInt(p -> p.length).sum();
    }
}
