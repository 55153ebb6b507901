package lab.core.cpu;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Which instruction-set path a benchmark measures. {@code avx2} makes an AVX-512 machine compute
 * as an AVX2-only one does: the AVX2 build of libnd4j, oneDNN capped at AVX2 (oneDNN 2.3, bundled
 * with libnd4j M2.1, reads only the {@code DNNL_} name), OpenBLAS on its Haswell kernels, glibc's
 * string functions without AVX-512, and the JVM at AVX2 with the Vector API at 256 bits. Environment variables are read when the native libraries load, so
 * they can only be set for a new process: see {@link #environment()} and {@link #jvmOptions()}.
 */
public enum IsaPath {
    /** Whatever this CPU offers. */
    NATIVE(Map.of(), List.of()),
    /** AVX2 + FMA, no AVX-512, on any x86-64 machine that has at least that. */
    AVX2(Map.of("DNNL_MAX_CPU_ISA", "AVX2", "OPENBLAS_CORETYPE", "Haswell",
            "GLIBC_TUNABLES", "glibc.cpu.hwcaps=-AVX512F,-AVX512VL,-AVX512BW,-AVX512DQ,-AVX512CD"),
            List.of("-Dorg.bytedeco.javacpp.platform.extension=-onednn-avx2", "-XX:UseAVX=2", "-XX:MaxVectorSize=32"));

    private final Map<String, String> environment;
    private final List<String> jvmOptions;

    IsaPath(Map<String, String> environment, List<String> jvmOptions) {
        this.environment = environment;
        this.jvmOptions = jvmOptions;
    }

    /** Environment variables a process on this path needs. */
    public Map<String, String> environment() {
        return environment;
    }

    /** JVM options a process on this path needs. */
    public List<String> jvmOptions() {
        return jvmOptions;
    }

    /** Whether this JVM already runs on this path (its environment and options are in effect). */
    public boolean activeHere() {
        for (Map.Entry<String, String> e : environment.entrySet()) {
            if (!e.getValue().equals(System.getenv(e.getKey()))) {
                return false;
            }
        }
        for (String option : jvmOptions) {
            if (option.startsWith("-D")) {
                int eq = option.indexOf('=');
                if (!Objects.equals(System.getProperty(option.substring(2, eq)), option.substring(eq + 1))) {
                    return false;
                }
            } else if (option.startsWith("-XX:")) {
                int eq = option.indexOf('=');
                if (!option.substring(eq + 1).equals(vmOption(option.substring(4, eq)))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static String vmOption(String name) {
        try {
            return ManagementFactory.getPlatformMXBean(com.sun.management.HotSpotDiagnosticMXBean.class)
                    .getVMOption(name).getValue();
        } catch (RuntimeException e) {
            return "";
        }
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
