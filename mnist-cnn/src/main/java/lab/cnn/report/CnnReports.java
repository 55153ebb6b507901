package lab.cnn.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
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
        Map<String, SeedGroup> runs = new LinkedHashMap<>();
        for (String name : experiments) {
            Optional<CnnRun> run = CnnRun.load(cnnDir, runsDir, name);
            if (run.isEmpty()) {
                LOG.info("{}: no metrics.json, not run yet", name);
                continue;
            }
            List<CnnRun> seeds = new ArrayList<>(List.of(run.get()));
            for (String seeded : seedRuns(cnnDir, name)) {
                CnnRun.load(cnnDir, runsDir, seeded).ifPresent(seeds::add);
            }
            for (CnnRun r : seeds) {
                List<String> files = ExperimentReport.write(r, regenerateCommand);
                LOG.info("{}: {}{}", r.name(), String.join(", ", files),
                        r.hasLayerStats() ? "" : " (no layer statistics)");
            }
            runs.put(name, new SeedGroup(name, seeds));
        }
        IndexReport.write(cnnDir, experiments, runs, Comparison.ALL, regenerateCommand, trainCommand);
        LOG.info("cnn report: {} of {} experiments have results -> {}", runs.size(), experiments.size(),
                cnnDir.resolve(IndexReport.README));
    }

    /** {@code NAME-seedS} directories under {@code cnnDir}, by seed. */
    static List<String> seedRuns(Path cnnDir, String experiment) {
        if (!Files.isDirectory(cnnDir)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(cnnDir)) {
            return dirs.map(p -> p.getFileName().toString()).filter(n -> SeedRuns.seedOf(experiment, n) >= 0)
                    .sorted(Comparator.comparingLong(n -> SeedRuns.seedOf(experiment, n))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
