package lab.cnn.report;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pictures and markdown from what training runs left behind, nothing retrained: per experiment
 * {@code <results>/cnn/NAME/} loss.png, error.png, layer-LAYER.png, distributions-LAYER.png and
 * report.md; then the index {@code <results>/cnn/README.md} with the {@link Comparison#ALL}
 * overlay charts {@code compare-SLUG.png}.
 */
public final class CnnReports {
    private static final Logger LOG = LoggerFactory.getLogger(CnnReports.class);

    private CnnReports() {
    }

    /**
     * Writes the report of every listed experiment that has {@code <results>/cnn/NAME/metrics.json}
     * (layer charts only when {@code <runs>/NAME/layer-stats.csv} exists), then the index, which
     * lists the others as "not run yet". Experiments not in the list are left alone.
     *
     * @param regenerateCommand printed in every page as the way to rewrite it
     * @param trainCommand      printed in the index as the way the runs were trained
     */
    public static void writeAll(Path resultsDir, Path runsDir, List<String> experimentsInOrder, String regenerateCommand,
                                String trainCommand) {
        System.setProperty("java.awt.headless", "true");
        Path cnnDir = resultsDir.resolve("cnn");
        List<String> experiments = List.copyOf(new LinkedHashSet<>(experimentsInOrder));
        Map<String, CnnRun> runs = new LinkedHashMap<>();
        for (String name : experiments) {
            Optional<CnnRun> run = CnnRun.load(cnnDir, runsDir, name);
            if (run.isEmpty()) {
                LOG.info("{}: no metrics.json, not run yet", name);
                continue;
            }
            List<String> files = ExperimentReport.write(run.get(), regenerateCommand);
            runs.put(name, run.get());
            LOG.info("{}: {}{}", name, String.join(", ", files),
                    run.get().hasLayerStats() ? "" : " (no layer statistics)");
        }
        IndexReport.write(cnnDir, experiments, runs, Comparison.ALL, regenerateCommand, trainCommand);
        LOG.info("cnn report: {} of {} experiments have results -> {}", runs.size(), experiments.size(),
                cnnDir.resolve(IndexReport.README));
    }
}
