package lab.cnn.experiment;

import lab.core.config.Check;
import lab.core.cpu.IsaBound;
import lab.core.cpu.IsaPath;
import lab.core.config.ExperimentSpec;

/**
 * {@code kind: cnn-bench}: times training iterations of a cnn experiment's network on MNIST
 * after a warm-up; prints {@code images/second: N} last.
 *
 * @param network    the cnn experiment whose network, optimiser and seed are timed
 * @param batchSize  overrides that experiment's batch size
 * @param warmup     untimed iterations first (JIT, native caches, workspaces)
 * @param iterations timed iterations
 * @param threads    native (OpenMP and BLAS) threads; default: -Dthreads, OMP_NUM_THREADS or half the cores
 * @param onednn     false times the plain path: no DL4J layer helpers, no oneDNN kernels
 * @param phases     also time the phases of a step (batch, forward, backward + update) apart
 * @param isa        native (default) or avx2: the AVX2 path on any machine (a new JVM with the
 *                   AVX2 natives, oneDNN and OpenBLAS capped at AVX2; see {@link IsaPath})
 */
public record CnnBench(String description, String network, Integer batchSize, Integer warmup, Integer iterations,
                       Integer threads, Boolean onednn, Boolean phases, IsaPath isa)
        implements ExperimentSpec, IsaBound {
    public CnnBench {
        description = description == null ? "" : description;
        network = Check.required("network", network);
        warmup = Check.positive("warmup", warmup, 20);
        iterations = Check.positive("iterations", iterations, 300);
        if (batchSize != null) {
            Check.positive("batch_size", batchSize, 50);
        }
        if (threads != null) {
            Check.positive("threads", threads, 1);
        }
        onednn = onednn == null || onednn;
        phases = phases != null && phases;
        isa = isa == null ? IsaPath.NATIVE : isa;
    }
}
