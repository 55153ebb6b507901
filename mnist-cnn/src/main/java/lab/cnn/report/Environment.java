package lab.cnn.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import org.nd4j.linalg.factory.Nd4j;

/** Which ND4J backend ran, on what, and the library versions: numbers depend on all of it. */
public final class Environment {
    private Environment() {
    }

    public static Map<String, String> backend() {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("backend", Nd4j.getBackend().getClass().getSimpleName());
        Properties env = Nd4j.getExecutioner().getEnvironmentInformation();
        for (String key : new String[] {"backend", "blas.vendor", "omp.threads", "cores", "os"}) {
            Object value = env.get(key);
            if (value != null) {
                info.put(key.replace('.', '_'), value.toString());
            }
        }
        info.put("cpu_cores", Integer.toString(Runtime.getRuntime().availableProcessors()));
        String build = System.getProperty(lab.cnn.backend.NativeVariant.EXTENSION_PROPERTY);
        if (build != null) {
            info.put("native_build", "linux-x86_64" + build);
        }
        info.put("onednn", Boolean.toString(lab.cnn.backend.Backend.oneDnnEnabled()));
        info.put("dl4j_helpers", Boolean.toString(Nd4j.getEnvironment().helpersAllowed()));
        return info;
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
        versions.put("deeplearning4j", props.getProperty("dl4j", "unknown"));
        versions.put("javacpp", props.getProperty("javacpp", "unknown"));
        versions.put("java", System.getProperty("java.version"));
        return versions;
    }
}
