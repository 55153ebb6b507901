package lab.cnn.backend;

import java.lang.reflect.Method;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/** Run-time switches of the CPU backend: native threads and the oneDNN paths. */
public final class Backend {
    /** {@code -Dthreads=N} sets the native threads of every cnn run. */
    public static final String THREADS_PROPERTY = "threads";

    private Backend() {
    }

    /**
     * Applies the native thread count for a run and returns it: {@code requested} if given, else
     * {@code -Dthreads}, else {@code OMP_NUM_THREADS} as ND4J read it, else half the cores. On the
     * 2-core machine this was measured on, one thread trained faster than two (900 vs 750 img/s)
     * and kept its speed with another process busy (893 vs 651 img/s): OpenMP's two threads wait
     * on each other at every op, and lose whenever either core is taken.
     */
    public static int applyThreads(Integer requested) {
        Integer threads = requested;
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
        }
        if (threads == null && System.getenv("OMP_NUM_THREADS") != null) {
            Nd4j.getExecutioner();
            return NativeOpsHolder.getInstance().getDeviceNativeOps().ompGetMaxThreads();
        }
        if (threads == null) {
            threads = Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        }
        setThreads(threads);
        return threads;
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

    /** Whether libnd4j's oneDNN kernels are on (false on a build without them). */
    public static boolean oneDnnEnabled() {
        return org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN();
    }
}
