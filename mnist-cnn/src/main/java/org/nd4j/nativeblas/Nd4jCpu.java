package org.nd4j.nativeblas;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compatibility shim for DL4J 1.0.0-M2.1's oneDNN layer helpers. {@code BaseMKLDNNHelper} asks
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} whether oneDNN is
 * on, but in M2.1 that class moved to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} and
 * the method became {@code isUseONEDNN()}; without this class the helpers never load ("Cannot
 * find class") and every convolution falls back to im2col + gemm. Reflection keeps the module
 * compiling under the CUDA profile, where the CPU bindings are absent.
 *
 * <p>Only DL4J's CPU path asks this class (BaseMKLDNNHelper checks for the CPU backend first), so
 * a failure to reach the new class is never expected: it is logged as one WARN line naming the
 * cause, once, and {@link Environment#failure()} keeps it for the run's records. The answer is
 * then "oneDNN off", and the layers run without their helpers.
 */
public final class Nd4jCpu {
    /** The class and method M2.1 has instead. */
    static final String DELEGATE_CLASS = "org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment";
    static final String DELEGATE_METHOD = "isUseONEDNN";
    private static final Logger LOG = LoggerFactory.getLogger(Nd4jCpu.class);

    private Nd4jCpu() {
    }

    /** The old name, delegating to the new class. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment(DELEGATE_CLASS);
        private final String delegateClass;
        private final Object delegate;
        private final Method isUseOneDnn;
        private final AtomicReference<String> failure = new AtomicReference<>();

        /** Package-private for tests, which point it at a class that fails. */
        Environment(String delegateClass) {
            this.delegateClass = delegateClass;
            Object target = null;
            Method method = null;
            try {
                Class<?> type = Class.forName(delegateClass);
                method = type.getMethod(DELEGATE_METHOD);
                target = type.getMethod("getInstance").invoke(null);
                if (target == null) {
                    fail(delegateClass + ".getInstance() returned null", null);
                }
            } catch (InvocationTargetException e) {
                fail(delegateClass + ".getInstance() threw", e.getCause());
                target = null;
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                fail("cannot reach " + delegateClass + "." + DELEGATE_METHOD + "()", e);
                target = null;
            }
            this.delegate = target;
            this.isUseOneDnn = target == null ? null : method;
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        /** What DL4J asks: whether libnd4j's oneDNN is on (false, after one WARN, if that cannot be asked). */
        public boolean isUseMKLDNN() {
            if (delegate == null) {
                return false;
            }
            try {
                Object on = isUseOneDnn.invoke(delegate);
                if (on instanceof Boolean b) {
                    return b;
                }
                fail(delegateClass + "." + DELEGATE_METHOD + "() returned " + on + ", not a boolean", null);
            } catch (InvocationTargetException e) {
                fail(delegateClass + "." + DELEGATE_METHOD + "() threw", e.getCause());
            } catch (ReflectiveOperationException | LinkageError | RuntimeException e) {
                fail("cannot call " + delegateClass + "." + DELEGATE_METHOD + "()", e);
            }
            return false;
        }

        /** Why this shim answers "off" regardless of libnd4j, or null if nothing failed. */
        public String failure() {
            return failure.get();
        }

        private void fail(String what, Throwable cause) {
            String reason = cause == null ? what : what + ": " + cause;
            if (failure.compareAndSet(null, reason)) {
                LOG.warn("oneDNN layer helpers OFF: the org.nd4j.nativeblas.Nd4jCpu shim that DL4J's "
                        + "BaseMKLDNNHelper asks failed ({}); convolution and pooling layers fall back to "
                        + "im2col + gemm", reason);
            }
        }
    }
}
