package lab.cnn.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.core.io.AtomicFiles;

/**
 * {@code <results>/cnn/README.md}: every listed experiment in one table (linking its report.md,
 * or "not run yet"), observations, then per {@link Comparison} an overlay chart and observations.
 */
public final class IndexReport {
    public static final String README = "README.md";

    private IndexReport() {
    }

    /**
     * Writes the comparison charts and README.md into {@code cnnDir}.
     *
     * @param runs experiments with results (one run per seed), by name
     */
    public static void write(Path cnnDir, List<String> experiments, Map<String, SeedGroup> runs,
                             List<Comparison> comparisons, String regenerateCommand, String trainCommand) {
        StringBuilder md = new StringBuilder("# mnist-cnn: Deep-MNIST on DL4J\n\n");
        md.append("Every cnn experiment, linked to its report. Written by `").append(regenerateCommand)
                .append("` from the files the training runs left behind; do not edit by hand. The runs were "
                        + "trained by ").append(trainCommand).append(".\n\n");

        md.append("Errors are final (after the last epoch); with several seeds, mean ± sample standard deviation "
                + "and n. One test error on 10,000 images has a binomial standard error of about 0.1 points at 1% "
                + "error, so smaller differences do not rank two runs. \"best epoch\" is the evaluation with the "
                + "lowest validation error (per seed) and \"test at best\" the test error there: early stopping, "
                + "as a report.\n\n");
        md.append("| experiment | seeds | val error | test error | best epoch (val) | test at best | epochs | img/s "
                + "| diverged |\n");
        md.append("|---|---:|---:|---:|---:|---:|---:|---:|---|\n");
        List<SeedGroup> withResults = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (String name : experiments) {
            SeedGroup group = runs.get(name);
            if (group == null) {
                notRun.add(name);
                md.append("| ").append(name).append(" | not run yet | | | | | | | |\n");
                continue;
            }
            withResults.add(group);
            md.append(String.format(Locale.ROOT, "| [%s](%s/%s) | %d | %s | %s | %s | %s | %s | %.0f | %s |%n", name,
                    name, ExperimentReport.REPORT, group.n(), group.valErrorCell(), group.testErrorCell(),
                    group.bestEpochs(), group.meanTestErrorAtBest().map(CnnObservations::pct).orElse("–"),
                    CnnObservations.epochs(group.meanEpochs()), group.meanImagesPerSecond(), diverged(group)));
        }
        md.append("\nObservations:\n\n");
        for (String line : CnnObservations.overall(withResults, notRun)) {
            md.append("- ").append(line).append('\n');
        }
        md.append('\n');

        List<String> skipped = new ArrayList<>();
        for (Comparison group : comparisons) {
            List<SeedGroup> members = group.members().stream().filter(runs::containsKey).map(runs::get).toList();
            if (members.size() < Comparison.MIN_MEMBERS) {
                skipped.add(group.title());
                continue;
            }
            ComparisonChart.write(group.title(), members, cnnDir.resolve(group.chartFile()));
            md.append("## ").append(group.title()).append("\n\n");
            List<String> missing = group.members().stream().filter(n -> !runs.containsKey(n)).toList();
            md.append("Varies: ").append(group.varies()).append(". Held fixed: ").append(group.held()).append(".\n\n");
            md.append(String.join(", ", members.stream().map(m -> m.experiment() + (m.n() > 1 ? " (" + m.n()
                    + " seeds)" : "")).toList())).append('.');
            if (!missing.isEmpty()) {
                md.append(" Not run yet: ").append(String.join(", ", missing)).append('.');
            }
            md.append("\n\n![").append(group.title()).append(": smoothed training loss and test error against epoch](")
                    .append(group.chartFile()).append(")\n\n");
            md.append(String.format(Locale.ROOT, "Training loss smoothed by an exponential moving average (factor %s, "
                    + "log scale, top) and test error at each evaluation (bottom), against epoch; for an experiment "
                    + "with several seeds the line is their mean and the band spans their lowest to highest.%n%n",
                    RunCharts.SMOOTHING));
            md.append("Observations:\n\n");
            for (String line : CnnObservations.group(members)) {
                md.append("- ").append(line).append('\n');
            }
            md.append('\n');
        }
        if (!skipped.isEmpty()) {
            md.append("Not compared yet (fewer than ").append(Comparison.MIN_MEMBERS)
                    .append(" of their runs have results): ").append(String.join(", ", skipped)).append(".\n");
        }
        AtomicFiles.writeString(cnnDir.resolve(README), md.toString());
    }

    private static String diverged(SeedGroup group) {
        List<CnnRun> diverged = group.runs().stream().filter(r -> r.metrics().diverged()).toList();
        if (diverged.isEmpty()) {
            return "no";
        }
        return group.n() == 1 ? ExperimentReport.divergedCell(group.first().metrics())
                : "**" + diverged.size() + " of " + group.n() + "**";
    }
}
