package lab.cnn.experiment;

import java.util.HashSet;
import java.util.List;
import lab.core.config.Check;
import lab.core.config.ExperimentSpec;
import lab.core.config.InvalidValue;
import lab.core.engine.Engine;

/**
 * {@code kind: cnn-suite}: trains the listed cnn experiments one after the other.
 *
 * @param seeds empty: each experiment with its own seed; else each experiment once per seed
 *              (runs named by {@link lab.cnn.report.SeedRuns}), for means and spreads over seeds
 * @param engine where the members train: local (default: one after the other) or spark (each a
 *               Spark task, as many at once as the cluster has cores); {@code -Dengine} overrides it
 */
public record CnnSuite(String description, List<String> runs, List<Long> seeds, Engine engine)
        implements ExperimentSpec {
    public CnnSuite(String description, List<String> runs, List<Long> seeds) {
        this(description, runs, seeds, null);
    }

    public CnnSuite {
        description = description == null ? "" : description;
        runs = Check.nonEmpty("runs", runs);
        seeds = seeds == null ? List.of() : List.copyOf(seeds);
        if (new HashSet<>(seeds).size() != seeds.size()) {
            throw new InvalidValue("seeds", "must not repeat a seed, got " + seeds);
        }
        for (long seed : seeds) {
            if (seed < 0) {
                throw new InvalidValue("seeds", "must be >= 0, got " + seed);
            }
        }
    }
}
