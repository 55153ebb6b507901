package lab.cnn.report;

import com.fasterxml.jackson.databind.DeserializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import lab.cnn.train.EvalPoint;
import lab.cnn.train.LossPoint;
import lab.core.UserError;
import lab.core.io.Json;

/**
 * What one cnn training run left behind: {@code <results>/cnn/NAME/metrics.json}, its curves
 * (from loss.csv and eval.csv, or from metrics.json when those are missing) and, if recorded,
 * {@code <runs>/NAME/layer-stats.csv}.
 *
 * @param layerStats empty when {@code layerStatsFile} does not exist
 */
public record CnnRun(String name, Path dir, CnnMetrics metrics, List<LossPoint> loss, List<EvalPoint> evals,
                     Path layerStatsFile, List<LayerStat> layerStats) {

    /** The run's files, or empty when {@code <results>/cnn/NAME/metrics.json} does not exist. */
    public static Optional<CnnRun> load(Path cnnResultsDir, Path runsDir, String name) {
        Path dir = cnnResultsDir.resolve(name);
        Path metricsFile = dir.resolve("metrics.json");
        if (!Files.isRegularFile(metricsFile)) {
            return Optional.empty();
        }
        CnnMetrics metrics = readMetrics(metricsFile);
        CnnMetrics.Curves curves = metrics.curves();
        Path lossCsv = dir.resolve("loss.csv");
        Path evalCsv = dir.resolve("eval.csv");
        List<LossPoint> loss = Files.isRegularFile(lossCsv) ? readLoss(lossCsv)
                : curves == null || curves.loss() == null ? List.of() : curves.loss();
        List<EvalPoint> evals = Files.isRegularFile(evalCsv) ? readEval(evalCsv)
                : curves == null || curves.eval() == null ? List.of() : curves.eval();
        Path statsFile = runsDir.resolve(name).resolve("layer-stats.csv");
        List<LayerStat> stats = Files.isRegularFile(statsFile) ? LayerStatsCsv.read(statsFile) : List.of();
        return Optional.of(new CnnRun(name, dir, metrics, loss, evals, statsFile, stats));
    }

    public boolean hasLayerStats() {
        return !layerStats.isEmpty();
    }

    /** The epoch of the last evaluation, or the run's epochs when it has no evaluation curve. */
    public double lastEvalEpoch() {
        return evals.isEmpty() ? metrics.epochs() : evals.get(evals.size() - 1).epoch();
    }

    static CnnMetrics readMetrics(Path file) {
        try {
            return Json.mapper().readerFor(CnnMetrics.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(file.toFile());
        } catch (IOException e) {
            throw UserError.runtime(file + ": not a cnn metrics.json: " + e.getMessage(), e);
        }
    }

    static List<LossPoint> readLoss(Path file) {
        Csv csv = Csv.read(file, "iteration", "epoch", "loss");
        List<LossPoint> points = new ArrayList<>(csv.size());
        for (int r = 0; r < csv.size(); r++) {
            points.add(new LossPoint(csv.integer(r, "iteration"), csv.number(r, "epoch"), csv.number(r, "loss")));
        }
        return points;
    }

    static List<EvalPoint> readEval(Path file) {
        Csv csv = Csv.read(file, "iteration", "epoch", "val_accuracy", "test_accuracy", "train_seconds");
        List<EvalPoint> points = new ArrayList<>(csv.size());
        for (int r = 0; r < csv.size(); r++) {
            points.add(new EvalPoint(csv.integer(r, "iteration"), csv.number(r, "epoch"),
                    csv.number(r, "val_accuracy"), csv.number(r, "test_accuracy"), csv.number(r, "train_seconds")));
        }
        return points;
    }
}
