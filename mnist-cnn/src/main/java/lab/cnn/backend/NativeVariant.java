package lab.cnn.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Picks, before ND4J loads, which of the bundled libnd4j builds to use: oneDNN with AVX-512,
 * with AVX2, or generic x86-64, after the flags this CPU reports. JavaCPP then loads the natives
 * of the classifier jar with that extension ({@code org.bytedeco.javacpp.platform.extension}).
 * A value the user set on the command line always wins.
 */
public final class NativeVariant {
    public static final String EXTENSION_PROPERTY = "org.bytedeco.javacpp.platform.extension";
    /** DL4J loads its cuDNN/oneDNN layer helpers only when this is "false". */
    public static final String HELPERS_DISABLE_PROPERTY = "org.eclipse.deeplearning4j.helpers.disable";

    private NativeVariant() {
    }

    /** Sets the extension (unless set) and enables DL4J's helpers (unless set); returns the extension. */
    public static synchronized String select() {
        if (System.getProperty(HELPERS_DISABLE_PROPERTY) == null) {
            System.setProperty(HELPERS_DISABLE_PROPERTY, "false");
        }
        String chosen = System.getProperty(EXTENSION_PROPERTY);
        if (chosen == null) {
            chosen = forFlags(cpuFlags());
            System.setProperty(EXTENSION_PROPERTY, chosen);
        }
        return chosen;
    }

    /** The best build these CPU flags can run. */
    static String forFlags(Set<String> flags) {
        if (flags.containsAll(Set.of("avx512f", "avx512bw", "avx512dq", "avx512vl"))) {
            return "-onednn-avx512";
        }
        if (flags.containsAll(Set.of("avx2", "fma"))) {
            return "-onednn-avx2";
        }
        return "-onednn";
    }

    /** The flags of the first processor in /proc/cpuinfo (empty where there is none). */
    static Set<String> cpuFlags() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("flags")) {
                    String list = line.substring(line.indexOf(':') + 1).trim().toLowerCase(Locale.ROOT);
                    return new HashSet<>(Arrays.asList(list.split("\\s+")));
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux, or unreadable: the generic build is the safe choice
        }
        return Set.of();
    }
}
