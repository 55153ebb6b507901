package lab.mlp.experiment;

import java.util.List;
import lab.core.config.Check;
import lab.core.config.ExperimentSpec;
import lab.core.config.InvalidValue;

/**
 * {@code kind: mlp-bench}: times a sweep of mlp experiments (training only, no pictures),
 * configurations in parallel on {@code threads} cores, after {@code warmup} untimed sweeps that
 * let the JIT compile the kernels. Prints {@code sweep seconds: X} last, X the median of
 * {@code rounds} timed sweeps.
 */
public record MlpBench(String description, List<String> runs, Integer threads, Integer warmup, Integer rounds)
        implements ExperimentSpec {

    public MlpBench {
        description = description == null ? "" : description;
        runs = Check.nonEmpty("runs", runs);
        threads = Check.positive("threads", threads, Runtime.getRuntime().availableProcessors());
        warmup = warmup == null ? 1 : warmup;
        if (warmup < 0) {
            throw new InvalidValue("warmup", "must be >= 0, got " + warmup);
        }
        rounds = Check.positive("rounds", rounds, 3);
    }
}
