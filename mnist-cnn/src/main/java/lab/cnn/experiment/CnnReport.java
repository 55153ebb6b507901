package lab.cnn.experiment;

import java.util.List;
import lab.core.config.Check;
import lab.core.config.ExperimentSpec;

/**
 * {@code kind: cnn-report}: regenerates {@code results/cnn/} (per-run charts and report.md, the
 * index with overlay charts) from saved runs, without training.
 *
 * @param runs  the experiments to report, in table order
 * @param train how the runs were trained (Markdown: the commands in backticks), quoted in the index
 */
public record CnnReport(String description, List<String> runs, String train) implements ExperimentSpec {
    public CnnReport {
        description = description == null ? "" : description;
        runs = Check.nonEmpty("runs", runs);
        train = train == null ? "" : train;
    }
}
