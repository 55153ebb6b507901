package org.nd4j.nativeblas;

import java.lang.reflect.Method;

/**
 * Compatibility shim for DL4J 1.0.0-M2.1's oneDNN layer helpers. {@code BaseMKLDNNHelper} asks
 * {@code org.nd4j.nativeblas.Nd4jCpu$Environment.getInstance().isUseMKLDNN()} whether oneDNN is
 * on, but in M2.1 that class moved to {@code org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu} and
 * the method became {@code isUseONEDNN()}; without this class the helpers never load ("Cannot
 * find class") and every convolution falls back to im2col + gemm. Reflection keeps the module
 * compiling under the CUDA profile, where the CPU bindings are absent.
 */
public final class Nd4jCpu {
    private Nd4jCpu() {
    }

    /** The old name, delegating to the new class. */
    public static final class Environment {
        private static final Environment INSTANCE = new Environment();
        private final Object delegate;
        private final Method isUseOneDnn;

        private Environment() {
            Object target = null;
            Method method = null;
            try {
                Class<?> type = Class.forName("org.nd4j.linalg.cpu.nativecpu.bindings.Nd4jCpu$Environment");
                target = type.getMethod("getInstance").invoke(null);
                method = type.getMethod("isUseONEDNN");
            } catch (ReflectiveOperationException | LinkageError e) {
                // not the CPU backend: oneDNN is simply off
            }
            this.delegate = target;
            this.isUseOneDnn = method;
        }

        public static Environment getInstance() {
            return INSTANCE;
        }

        public boolean isUseMKLDNN() {
            if (delegate == null) {
                return false;
            }
            try {
                return (Boolean) isUseOneDnn.invoke(delegate);
            } catch (ReflectiveOperationException e) {
                return false;
            }
        }
    }
}
