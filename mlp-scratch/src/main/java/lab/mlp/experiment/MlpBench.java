package lab.mlp.experiment;

import java.util.List;
import lab.core.config.Check;
import lab.core.config.ExperimentSpec;
import lab.core.config.InvalidValue;
import lab.core.cpu.IsaBound;
import lab.core.cpu.IsaPath;

/**
 * {@code kind: mlp-bench}: times a sweep of mlp experiments (training only, no pictures),
 * configurations in parallel on {@code threads} cores, after {@code warmup} untimed sweeps that
 * let the JIT compile the kernels. Prints {@code sweep seconds: X} last, X the median of
 * {@code rounds} timed sweeps. {@code isa: avx2} runs it on the AVX2 path (the Vector API at 256
 * bits) in a new JVM, on any machine.
 */
public record MlpBench(String description, List<String> runs, Integer threads, Integer warmup, Integer rounds,
                       IsaPath isa) implements ExperimentSpec, IsaBound {

    public MlpBench {
        description = description == null ? "" : description;
        runs = Check.nonEmpty("runs", runs);
        threads = Check.positive("threads", threads, Runtime.getRuntime().availableProcessors());
        warmup = warmup == null ? 1 : warmup;
        if (warmup < 0) {
            throw new InvalidValue("warmup", "must be >= 0, got " + warmup);
        }
        rounds = Check.positive("rounds", rounds, 3);
        isa = isa == null ? IsaPath.NATIVE : isa;
    }
}
