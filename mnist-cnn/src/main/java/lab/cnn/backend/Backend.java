package lab.cnn.backend;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Run-time switches of the CPU backend: native threads and the oneDNN paths. */
public final class Backend {
    /** {@code -Dthreads=N} sets the native threads of every cnn run. */
    public static final String THREADS_PROPERTY = "threads";

    private Backend() {
    }

    /**
     * The native thread count a run uses and how it was chosen ("experiment", "-Dthreads",
     * "OMP_NUM_THREADS", "measured", "one physical core" or "default"); {@code probe} is what the measurement saw
     * (null unless measured). Results depend on it: another count sums floats in another order.
     */
    public record ThreadChoice(int threads, String chosenBy, String probe) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(Backend.class);
    private static volatile ThreadChoice lastChoice;

    /** Warm-up steps, then rounds of (1 untimed + this many timed) steps per thread count. */
    static final int PROBE_WARMUP = 3;
    static final int PROBE_ROUNDS = 3;
    static final int PROBE_STEPS = 3;

    /**
     * Applies the native thread count for a run and returns it: {@code requested} if given, else
     * {@code -Dthreads}, else {@code OMP_NUM_THREADS} as ND4J read it, else half the logical CPUs.
     * Callers that can run a training step should use {@link #applyThreads(Integer, Runnable)},
     * which measures instead of the last guess.
     */
    public static int applyThreads(Integer requested) {
        return applyThreads(requested, null);
    }

    /**
     * As {@link #applyThreads(Integer)}, but with nothing given and a {@code probeStep}, the count
     * is measured ({@link #chooseThreads}): 1 thread against the physical cores. On the 2-core
     * machine this project started on one thread beat two (900 vs 750 img/s, and 893 vs 651 with
     * another process busy): OpenMP's threads wait on each other after every op, so the answer
     * depends on the machine and its load, and is measured rather than assumed.
     */
    public static int applyThreads(Integer requested, Runnable probeStep) {
        Integer threads = requested;
        String chosenBy = "experiment";
        if (threads == null && System.getProperty(THREADS_PROPERTY) != null) {
            try {
                threads = Integer.parseInt(System.getProperty(THREADS_PROPERTY).trim());
            } catch (NumberFormatException e) {
                threads = 0;
            }
            if (threads <= 0) {
                throw lab.core.UserError.usage("-Dthreads=" + System.getProperty(THREADS_PROPERTY)
                        + ": must be a whole number > 0");
            }
            chosenBy = "-Dthreads";
        }
        if (threads == null && System.getenv("OMP_NUM_THREADS") != null) {
            int omp = threads();
            lastChoice = new ThreadChoice(omp, "OMP_NUM_THREADS", null);
            return omp;
        }
        if (threads == null && probeStep != null) {
            return chooseThreads(probeStep).threads();
        }
        if (threads == null) {
            threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
            chosenBy = "default";
        }
        setThreads(threads);
        lastChoice = new ThreadChoice(threads, chosenBy, null);
        return threads;
    }

    /**
     * Measures training steps ({@code oneStep}: one fit() on a throwaway copy of the network, see
     * {@link #probeStep}) at 1 thread and at the physical cores (and half of them from 4 cores up),
     * applies the fastest (fewer threads when within 3%), logs one INFO line and returns the choice.
     * Takes {@value #PROBE_WARMUP} + {@value #PROBE_ROUNDS} x (1 + {@value #PROBE_STEPS}) steps per count.
     */
    public static ThreadChoice chooseThreads(Runnable oneStep) {
        CpuInfo cpu = CpuInfo.current();
        List<Integer> candidates = ThreadProbe.candidates(cpu.physicalCores());
        if (candidates.size() == 1) {
            setThreads(1);
            lastChoice = new ThreadChoice(1, "one physical core", null);
            LOG.info("native threads: 1 (one physical core: nothing to measure)");
            return lastChoice;
        }
        long start = System.nanoTime();
        ThreadProbe.Result result = new ThreadProbe(PROBE_WARMUP, PROBE_ROUNDS, PROBE_STEPS)
                .run(oneStep, candidates, Backend::setThreads);
        setThreads(result.chosen());
        String probe = result.summary();
        ThreadChoice choice = new ThreadChoice(result.chosen(), "measured", probe);
        lastChoice = choice;
        LOG.info(String.format(Locale.ROOT, "native threads: %d (measured on %d physical / %d logical cores in %.1f s: "
                        + "%s; load average %s). Results depend on the thread count (float summation order); "
                        + "-Dthreads=N fixes it", result.chosen(), cpu.physicalCores(),
                Runtime.getRuntime().availableProcessors(), (System.nanoTime() - start) / 1e9, probe, loadAverage()));
        return choice;
    }

    /**
     * A probe step that leaves {@code net} untouched: the first call clones it (parameters,
     * updater state, configuration and its iteration count; no listeners), every call fits the
     * clone on {@code batch}. Training of {@code net} afterwards is what it would have been.
     */
    public static Runnable probeStep(MultiLayerNetwork net, DataSet batch) {
        MultiLayerNetwork[] copy = new MultiLayerNetwork[1];
        return () -> {
            if (copy[0] == null) {
                copy[0] = net.clone();
            }
            copy[0].fit(batch);
        };
    }

    /** How the current thread count was chosen, if a run chose one. */
    public static Optional<ThreadChoice> lastChoice() {
        return Optional.ofNullable(lastChoice);
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException | RuntimeException e) {
            return String.format(Locale.ROOT, "%.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }
    }

    /** The native threads ND4J's ops use now. */
    public static int threads() {
        Nd4j.getExecutioner();
        return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
    }

    /** Whether the user fixed the thread count (-Dthreads or OMP_NUM_THREADS). */
    public static boolean threadsGivenByUser() {
        return System.getProperty(THREADS_PROPERTY) != null || System.getenv("OMP_NUM_THREADS") != null;
    }

    /** OpenMP and BLAS threads for everything ND4J runs from now on. */
    public static void setThreads(int threads) {
        Nd4j.getExecutioner(); // the backend must be loaded before its native ops are touched
        NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
        Nd4j.factory().blas().setMaxThreads(threads);
    }

    /**
     * On: DL4J's oneDNN layer helpers and libnd4j's oneDNN kernels (the default). Off: the
     * plain im2col + gemm path. Networks created afterwards follow the setting.
     */
    public static void setOneDnn(boolean on) {
        Nd4j.getEnvironment().allowHelpers(on);
        try {
            Class<?> type = Class.forName("org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment");
            Object env = type.getMethod("getInstance").invoke(null);
            Method set = type.getMethod("setUseONEDNN", boolean.class);
            set.invoke(env, on);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("not the CPU backend: no oneDNN to switch", e);
        }
    }

    /**
     * Whether libnd4j's oneDNN kernels are on (false on a build without them, and off the CPU
     * backend). Asks the bindings directly, not the shim DL4J asks, so that a broken shim shows.
     */
    public static boolean oneDnnEnabled() {
        try {
            Class<?> type = Class.forName("org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment");
            Object env = type.getMethod("getInstance").invoke(null);
            return (Boolean) type.getMethod("isUseONEDNN").invoke(env);
        } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
            return false;
        }
    }
}
