package lab.cnn.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The libnd4j build this JVM actually loaded (not the one {@code -Dorg.bytedeco.javacpp.platform.extension}
 * asked for): the path of the mapped {@code libnd4jcpu.so} (from /proc/self/maps, else JavaCPP's
 * list of loaded libraries), and the nd4j-native classifier it came from, read off JavaCPP's cache
 * path ({@code ~/.javacpp/cache/nd4j-native-1.0.0-M2.1-linux-x86_64-onednn-avx512.jar/.../libnd4jcpu.so}).
 *
 * @param classifier e.g. {@code linux-x86_64-onednn-avx512}, or "unknown"
 * @param library    the file that was loaded
 * @param seenIn     where it was found: "/proc/self/maps" or "javacpp"
 */
public record LoadedNatives(String classifier, String library, String seenIn) {
    private static final List<String> LIBRARIES = List.of("libnd4jcpu.so", "libnd4jcuda.so", "libjnind4jcpu.so",
            "libjnind4jcuda.so");
    /** nd4j-native-VERSION-CLASSIFIER.jar, the directory JavaCPP caches a jar's natives under. */
    private static final Pattern JAR = Pattern.compile(
            "nd4j-(?:native|cuda-[0-9.]+)-\\d[^/]*?-((?:linux|macosx|windows|android|ios)-[a-z0-9_]+(?:-[a-z0-9_]+)*)\\.jar/");
    /** .../bindings/CLASSIFIER/libnd4jcpu.so inside the jar (or its extracted copy). */
    private static final Pattern PLATFORM_DIR = Pattern.compile(
            "/((?:linux|macosx|windows|android|ios)-[a-z0-9_]+(?:-[a-z0-9_]+)*)/lib[a-z0-9]*nd4j[a-z]*\\.so");

    /** Whether this build has libnd4j's oneDNN kernels (an {@code -onednn*} classifier). */
    public boolean hasOneDnn() {
        return classifier.contains("onednn");
    }

    /** The loaded build, or empty if ND4J's natives are not loaded (or cannot be seen). */
    public static Optional<LoadedNatives> observe() {
        Optional<String> mapped = fromMaps(Path.of("/proc/self/maps"));
        if (mapped.isPresent()) {
            return Optional.of(new LoadedNatives(classifierOf(mapped.get()), mapped.get(), "/proc/self/maps"));
        }
        try {
            Map<String, String> loaded = org.bytedeco.javacpp.Loader.getLoadedLibraries();
            for (String wanted : LIBRARIES) {
                for (String path : loaded.values()) {
                    if (path != null && path.endsWith("/" + wanted)) {
                        return Optional.of(new LoadedNatives(classifierOf(path), path, "javacpp"));
                    }
                }
            }
        } catch (LinkageError | RuntimeException e) {
            // no JavaCPP: nothing to observe
        }
        return Optional.empty();
    }

    /** The first nd4j library mapped into this process, preferring libnd4jcpu.so over its JNI wrapper. */
    static Optional<String> fromMaps(Path maps) {
        List<String> lines;
        try {
            lines = Files.readAllLines(maps);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        for (String wanted : LIBRARIES) {
            for (String raw : lines) {
                String line = raw.endsWith(" (deleted)") ? raw.substring(0, raw.length() - 10) : raw;
                int slash = line.indexOf('/');
                if (slash >= 0 && line.endsWith("/" + wanted)) {
                    return Optional.of(line.substring(slash));
                }
            }
        }
        return Optional.empty();
    }

    /** The nd4j-native classifier a library path came from, or "unknown". */
    static String classifierOf(String path) {
        Matcher jar = JAR.matcher(path);
        if (jar.find()) {
            return jar.group(1);
        }
        Matcher dir = PLATFORM_DIR.matcher(path);
        if (dir.find()) {
            return dir.group(1);
        }
        return "unknown";
    }
}
