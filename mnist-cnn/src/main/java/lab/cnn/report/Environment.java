package lab.cnn.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import lab.cnn.backend.Backend;
import lab.cnn.backend.CpuInfo;
import lab.cnn.backend.LayerHelpers;
import lab.cnn.backend.LoadedNatives;
import lab.cnn.backend.NativeVariant;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Which ND4J backend ran, on what, and the library versions: numbers depend on all of it. Every
 * value is observed in the running JVM (the library file that was loaded, the helpers the layers
 * hold, the threads OpenMP uses), not read back from the settings that asked for them; where a
 * request is recorded, its key ends in {@code _requested}. Values are strings, flat, so metrics.json
 * keeps reading back as {@code Map<String, String>}.
 */
public final class Environment {
    /** The environment variables that change which kernels run, recorded when set. */
    private static final String[] ENV_VARS = {"DNNL_MAX_CPU_ISA", "ONEDNN_MAX_CPU_ISA", "OPENBLAS_CORETYPE",
        "GLIBC_TUNABLES", "OMP_NUM_THREADS"};

    private Environment() {
    }

    /** The backend facts that do not depend on a network. */
    public static Map<String, String> backend() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        for (String key : new String[] {"backend", "blas.vendor", "cores", "os"}) {
            Object value = env.get(key);
            if (value != null) {
                info.put(key.replace('.', '_'), value.toString());
            }
        }
        LoadedNatives natives = LoadedNatives.observe().orElse(null);
        info.put("native_build", natives == null ? "unknown (no nd4j library mapped)" : natives.classifier());
        String requested = System.getProperty(NativeVariant.EXTENSION_PROPERTY);
        if (requested != null) {
            info.put("native_build_requested", "linux-x86_64" + requested);
        }
        info.put("onednn", Boolean.toString(Backend.oneDnnEnabled()));
        info.put("helpers_requested", Boolean.toString(LayerHelpers.requested()));
        info.put("omp_threads", Integer.toString(Backend.threads()));
        Backend.lastChoice().ifPresent(choice -> {
            info.put("threads_chosen_by", choice.chosenBy());
            if (choice.probe() != null) {
                info.put("thread_probe", choice.probe());
            }
        });
        CpuInfo cpu = CpuInfo.current();
        info.put("cpu_model", cpu.model().isEmpty() ? "unknown" : cpu.model());
        info.put("cpu_flags", cpu.relevantFlags());
        info.put("cpu_cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        info.put("physical_cores", Integer.toString(cpu.physicalCores()));
        for (String name : ENV_VARS) {
            String value = System.getenv(name);
            if (value != null) {
                info.put(name.toLowerCase(java.util.Locale.ROOT), value);
            }
        }
        info.put("java", System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")");
        info.put("deeplearning4j", dl4jVersion());
        return info;
    }

    /**
     * {@link #backend()} and, for this network, {@code helpers} ("conv1=onednn, pool1=onednn, ...,
     * fc1=none", see {@link #helpers}) and {@code dl4j_helpers} (true if any layer runs on a helper).
     * Logs a WARN for a conv/pool layer without its oneDNN helper where one was expected.
     */
    public static Map<String, String> backend(MultiLayerNetwork net) {
        Map<String, String> info = backend();
        Map<String, String> helpers = helpers(net);
        info.put("dl4j_helpers", Boolean.toString(helpers.values().stream()
                .anyMatch(h -> !h.equals(LayerHelpers.NONE) && !h.equals(LayerHelpers.JAVA))));
        info.put("helpers", helpers.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", ")));
        return info;
    }

    /**
     * Layer name to the implementation it runs on now: "onednn" (DL4J's oneDNN helper in use),
     * "cudnn", "none" (DL4J's built-in path) or "java" (a custom layer). Logs one WARN per conv/pool
     * layer that runs without its oneDNN helper although helpers are requested and the loaded
     * build has oneDNN, with the reason.
     */
    public static Map<String, String> helpers(MultiLayerNetwork net) {
        return LayerHelpers.observe(net);
    }

    public static Map<String, String> versions() {
        Map<String, String> versions = new LinkedHashMap<>();
        Properties props = new Properties();
        try (InputStream in = Environment.class.getResourceAsStream("/lab/cnn/versions.properties")) {
            if (in != null) {
                props.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        versions.put("deeplearning4j", dl4jVersion());
        String built = props.getProperty("dl4j", "unknown");
        if (!built.equals(versions.get("deeplearning4j"))) {
            versions.put("deeplearning4j_built_against", built);
        }
        versions.put("javacpp", javacppVersion(props.getProperty("javacpp", "unknown")));
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }

    private static final Pattern JAR_VERSION = Pattern.compile("deeplearning4j-nn-([^/]+?)\\.jar");

    /** The version of the deeplearning4j-nn jar MultiLayerNetwork was loaded from. */
    static String dl4jVersion() {
        String version = MultiLayerNetwork.class.getPackage().getImplementationVersion();
        if (version != null) {
            return version;
        }
        try {
            URL where = MultiLayerNetwork.class.getProtectionDomain().getCodeSource().getLocation();
            Matcher m = JAR_VERSION.matcher(where.getPath());
            if (m.find()) {
                return m.group(1);
            }
        } catch (RuntimeException e) {
            // no code source: fall through
        }
        return "unknown";
    }

    private static String javacppVersion(String fallback) {
        try {
            String version = org.bytedeco.javacpp.Loader.getVersion();
            return version == null ? fallback : version;
        } catch (IOException | LinkageError | RuntimeException e) {
            return fallback;
        }
    }
}
