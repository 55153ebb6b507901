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
     * @param runs experiments with results, by name
     */
    public static void write(Path cnnDir, List<String> experiments, Map<String, CnnRun> runs,
                             List<Comparison> comparisons, String regenerateCommand, String trainCommand) {
        StringBuilder md = new StringBuilder("# mnist-cnn: Deep-MNIST on DL4J\n\n");
        md.append("Every cnn experiment, linked to its report. Written by `").append(regenerateCommand)
                .append("` from the files the training runs left behind; do not edit by hand. The runs were "
                        + "trained by ").append(trainCommand).append(".\n\n");

        md.append("| experiment | val error | test error | epochs | train seconds | img/s | diverged |\n");
        md.append("|---|---:|---:|---:|---:|---:|---|\n");
        List<CnnRun> withResults = new ArrayList<>();
        List<String> notRun = new ArrayList<>();
        for (String name : experiments) {
            CnnRun run = runs.get(name);
            if (run == null) {
                notRun.add(name);
                md.append("| ").append(name).append(" | not run yet | | | | | |\n");
                continue;
            }
            withResults.add(run);
            CnnMetrics m = run.metrics();
            md.append(String.format(Locale.ROOT, "| [%s](%s/%s) | %s | %s | %s | %.1f | %.0f | %s |%n", name, name,
                    ExperimentReport.REPORT, CnnObservations.pct(m.valError()), CnnObservations.pct(m.testError()),
                    CnnObservations.epochs(m.epochs()), m.trainSeconds(), m.imagesPerSecond(),
                    ExperimentReport.divergedCell(m)));
        }
        md.append("\nObservations:\n\n");
        for (String line : CnnObservations.overall(withResults, notRun)) {
            md.append("- ").append(line).append('\n');
        }
        md.append('\n');

        List<String> skipped = new ArrayList<>();
        for (Comparison group : comparisons) {
            List<CnnRun> members = group.members().stream().filter(runs::containsKey).map(runs::get).toList();
            if (members.size() < Comparison.MIN_MEMBERS) {
                skipped.add(group.title());
                continue;
            }
            ComparisonChart.write(group.title(), members, cnnDir.resolve(group.chartFile()));
            md.append("## ").append(group.title()).append("\n\n");
            List<String> missing = group.members().stream().filter(n -> !runs.containsKey(n)).toList();
            md.append(String.join(", ", members.stream().map(CnnRun::name).toList())).append('.');
            if (!missing.isEmpty()) {
                md.append(" Not run yet: ").append(String.join(", ", missing)).append('.');
            }
            md.append("\n\n![").append(group.title()).append(": smoothed training loss and test error against epoch](")
                    .append(group.chartFile()).append(")\n\n");
            md.append(String.format(Locale.ROOT, "Training loss smoothed by an exponential moving average (factor %s, "
                    + "log scale, top) and test error at each evaluation (bottom), against epoch.%n%n",
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
}
