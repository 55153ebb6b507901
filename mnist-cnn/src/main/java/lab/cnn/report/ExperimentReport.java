package lab.cnn.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.cnn.train.TestPredictions;
import lab.core.io.AtomicFiles;

/**
 * The files of one experiment in {@code <results>/cnn/NAME/}: loss.png, error.png,
 * layer-LAYER.png and distributions-LAYER.png (when the run recorded layer statistics) and
 * report.md, which shows them under a metrics table.
 */
public final class ExperimentReport {
    public static final String REPORT = "report.md";
    public static final String LOSS_PNG = "loss.png";
    public static final String ERROR_PNG = "error.png";
    public static final String CONFUSION_PNG = "confusion.png";
    /** Drawn by the run itself ({@link MistakesGrid}): only it has the test images. */
    public static final String MISTAKES_PNG = "mistakes.png";
    /** Rows of the mistakes table in report.md. */
    static final int MISTAKES_LISTED = MistakesGrid.SHOWN;

    private ExperimentReport() {
    }

    public static String layerPng(String layer) {
        return "layer-" + layer + ".png";
    }

    public static String distributionsPng(String layer) {
        return "distributions-" + layer + ".png";
    }

    /** Writes the charts, then report.md; returns the names of the files written, report.md last. */
    public static List<String> write(CnnRun run, String regenerateCommand) {
        Path dir = run.dir();
        List<String> written = new ArrayList<>();
        RunCharts.writeLoss(run, dir.resolve(LOSS_PNG));
        written.add(LOSS_PNG);
        RunCharts.writeError(run, dir.resolve(ERROR_PNG));
        written.add(ERROR_PNG);
        Path confusion = dir.resolve(PredictionCsv.CONFUSION);
        if (Files.isRegularFile(confusion)) {
            ConfusionChart.write(run.name() + ": confusion matrix on the test set", PredictionCsv.readConfusion(confusion),
                    dir.resolve(CONFUSION_PNG));
            written.add(CONFUSION_PNG);
        }
        List<String> layers = LayerStatsCsv.layers(run.layerStats());
        for (String layer : layers) {
            LayerCharts.writeStats(run.name(), layer, run.layerStats(), dir.resolve(layerPng(layer)));
            written.add(layerPng(layer));
            if (LayerCharts.DISTRIBUTION_LAYERS.contains(layer)) {
                LayerCharts.writeDistributions(run.name(), layer, run.layerStats(), dir.resolve(distributionsPng(layer)));
                written.add(distributionsPng(layer));
            }
        }
        AtomicFiles.writeString(dir.resolve(REPORT), markdown(run, layers, regenerateCommand));
        written.add(REPORT);
        return written;
    }

    static String markdown(CnnRun run, List<String> layers, String regenerateCommand) {
        CnnMetrics m = run.metrics();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(run.name()).append("\n\n");
        if (m.description() != null && !m.description().isEmpty()) {
            md.append(m.description()).append("\n\n");
        }
        CnnMetrics.DatasetInfo ds = m.dataset();
        md.append("Trained by `").append(m.command()).append('`');
        if (ds != null) {
            md.append(String.format(Locale.ROOT, " on %s (%,d training, %,d validation, %,d test images)", ds.name(),
                    ds.trainImages(), ds.validationImages(), ds.testImages()));
        }
        md.append(". This page was written by `").append(regenerateCommand)
                .append("` from the files the run left behind; do not edit by hand.\n\n");

        md.append("| metric | value |\n|---|---:|\n");
        row(md, "validation accuracy", String.format(Locale.ROOT, "%.4f", m.valAccuracy()));
        row(md, "test accuracy", String.format(Locale.ROOT, "%.4f", m.testAccuracy()));
        row(md, "validation error", CnnObservations.pct(m.valError()));
        row(md, "test error", CnnObservations.pct(m.testError()));
        row(md, "epochs", CnnObservations.epochs(m.epochs()));
        BestEpoch.of(run.evals()).ifPresent(best -> {
            row(md, "best epoch (lowest validation error)", CnnObservations.epochs(best.epoch()));
            row(md, "validation / test error at the best epoch", CnnObservations.pct(best.valError()) + " / "
                    + CnnObservations.pct(best.testError()));
        });
        row(md, "test error standard error (binomial)", m.dataset() == null ? "–" : CnnObservations.pct(
                Noise.binomialSe(m.testError(), m.dataset().testImages())));
        row(md, "iterations", String.format(Locale.ROOT, "%,d", m.iterations()));
        row(md, "train seconds", String.format(Locale.ROOT, "%.1f", m.trainSeconds()));
        row(md, "eval seconds", String.format(Locale.ROOT, "%.1f", m.evalSeconds()));
        row(md, "images/s (training)", String.format(Locale.ROOT, "%.0f", m.imagesPerSecond()));
        row(md, "diverged", divergedCell(m));
        row(md, "backend", value(m.backend(), "backend"));
        row(md, "native build", value(m.backend(), "native_build"));
        row(md, "threads", value(m.backend(), "omp_threads"));
        row(md, "DL4J", value(m.versions(), "deeplearning4j"));
        md.append('\n');

        md.append("## Training\n\n");
        md.append("![training loss](").append(LOSS_PNG).append(")\n\n");
        md.append(String.format(Locale.ROOT, "Training loss of every recorded mini-batch (light; dropout on) and its "
                + "exponential moving average (factor %s), log scale: look at whether the smoothed line still falls "
                + "at the end and how noisy the raw one is.%n%n", RunCharts.SMOOTHING));
        md.append("![validation and test error](").append(ERROR_PNG).append(")\n\n");
        md.append("Validation and test error at each evaluation: look at the last points and at how far apart the "
                + "two sets are.\n\n");

        testSet(md, run);

        md.append("## Layers\n\n");
        if (layers.isEmpty()) {
            md.append('`').append(displayPath(run)).append('`').append(java.nio.file.Files.exists(run.layerStatsFile())
                    ? " has no rows" : " does not exist").append(", so there are no layer charts for this run.\n");
            return md.toString();
        }
        md.append("From `").append(displayPath(run)).append("`.\n\n");
        for (String layer : layers) {
            md.append("### ").append(layer).append("\n\n");
            md.append("![").append(layer).append(" statistics](").append(layerPng(layer)).append(")\n\n");
            md.append("Min, max, mean and mean ± std of ").append(layer).append("'s ")
                    .append(quantityList(run, layer)).append(" at each recorded iteration: look for a std that "
                            + "shrinks towards 0, a mean that drifts, or a max that keeps growing.\n\n");
            if (LayerCharts.DISTRIBUTION_LAYERS.contains(layer)) {
                md.append("![").append(layer).append(" distributions](").append(distributionsPng(layer))
                        .append(")\n\n");
                md.append("The same quantities as percentile bands (0–100, 7–93, 16–84, 31–69, darker towards the "
                        + "median line), like TensorBoard's distributions: look at how each spread widens or narrows "
                        + "as training goes on.\n\n");
            }
        }
        return md.toString();
    }

    /** The confusion matrix and the most confident mistakes, from the files the run wrote at its final test. */
    private static void testSet(StringBuilder md, CnnRun run) {
        md.append("## Test set\n\n");
        Path confusion = run.dir().resolve(PredictionCsv.CONFUSION);
        Path mistakes = run.dir().resolve(PredictionCsv.MISTAKES);
        if (!Files.isRegularFile(confusion)) {
            md.append("This run left no `").append(PredictionCsv.CONFUSION).append("` (it was made before runs saved "
                    + "their test predictions, or it ended without a final test evaluation): retrain it for the "
                    + "confusion matrix and the most confident mistakes.\n\n");
            return;
        }
        md.append("![confusion matrix](").append(CONFUSION_PNG).append(")\n\n");
        md.append("Counts of the final test evaluation (`").append(PredictionCsv.CONFUSION).append("`), rows the true "
                + "digit, columns the predicted one: the diagonal is right, anything off it is a mistake; look for "
                + "the pairs the network confuses most.\n\n");
        if (!Files.isRegularFile(mistakes)) {
            return;
        }
        List<TestPredictions.Mistake> list = PredictionCsv.readMistakes(mistakes);
        if (Files.isRegularFile(run.dir().resolve(MISTAKES_PNG))) {
            md.append("![the most confident mistakes](").append(MISTAKES_PNG).append(")\n\n");
        }
        md.append(String.format(Locale.ROOT, "The %d test images misclassified with the highest probability for the "
                + "wrong answer (all %d kept are in `%s`): true → predicted (p); some are mislabelled or "
                + "ambiguous digits, others show what the network has not learned.%n%n",
                Math.min(MISTAKES_LISTED, list.size()), list.size(), PredictionCsv.MISTAKES));
        if (list.isEmpty()) {
            md.append("No mistakes.\n\n");
            return;
        }
        md.append("| test index | true | predicted | p |\n|---:|---:|---:|---:|\n");
        for (TestPredictions.Mistake m : list.subList(0, Math.min(MISTAKES_LISTED, list.size()))) {
            md.append(String.format(Locale.ROOT, "| %d | %d | %d | %.3f |%n", m.index(), m.label(), m.predicted(),
                    m.probability()));
        }
        md.append('\n');
    }

    /** {@code <runs dir name>/NAME/layer-stats.csv}: no machine-specific absolute path in the report. */
    static String displayPath(CnnRun run) {
        Path runs = run.layerStatsFile().getParent().getParent();
        String base = runs == null || runs.getFileName() == null ? "" : runs.getFileName() + "/";
        return base + run.name() + "/" + run.layerStatsFile().getFileName();
    }

    private static String quantityList(CnnRun run, String layer) {
        List<String> names = new ArrayList<>();
        for (String q : LayerStatsCsv.quantities(run.layerStats(), layer)) {
            names.add(switch (q) {
                case "W" -> "weights";
                case "b" -> "biases";
                case "net_input" -> "net input";
                case "activation" -> layer.equals("output") ? "softmax output" : "activation";
                case "pool" -> "pooled output";
                default -> q;
            });
        }
        if (names.size() <= 1) {
            return String.join("", names);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    static String divergedCell(CnnMetrics m) {
        if (!m.diverged()) {
            return "no";
        }
        return m.divergedAtIteration() == null ? "**yes**" : "**yes** (iteration " + m.divergedAtIteration() + ")";
    }

    private static String value(Map<String, String> map, String key) {
        String v = map == null ? null : map.get(key);
        return v == null || v.isEmpty() ? "–" : v;
    }

    private static void row(StringBuilder md, String name, String value) {
        md.append("| ").append(name).append(" | ").append(value).append(" |\n");
    }
}
