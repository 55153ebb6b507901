package lab.cli;

import java.util.Locale;
import java.util.Optional;

/**
 * Turns an {@link OutOfMemoryError} anywhere in a chain of causes (ND4J and DL4J wrap JavaCPP's)
 * into one line saying which limit was reached and where to raise it. The limits are set in
 * {@code .mvn/jvm.config} for runs through Maven.
 */
final class OutOfMemory {
    static final String WHERE = "in .mvn/jvm.config (or MAVEN_OPTS; java -D... when run directly)";
    private static final String MAX_BYTES = "org.bytedeco.javacpp.maxbytes";
    private static final String MAX_PHYSICAL = "org.bytedeco.javacpp.maxphysicalbytes";

    private OutOfMemory() {
    }

    /** The one-line explanation (without {@code error: }) if {@code e} is or wraps an OutOfMemoryError. */
    static Optional<String> describe(Throwable e) {
        OutOfMemoryError oom = null;
        for (Throwable t = e; t != null && oom == null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OutOfMemoryError found) {
                oom = found;
            }
        }
        if (oom == null) {
            return Optional.empty();
        }
        // JavaCPP puts its limit in the cause: "Cannot allocate new X(n): ..." <- "Physical memory ...".
        String message = oom.getMessage() == null ? "" : oom.getMessage();
        for (Throwable t = oom.getCause(); t instanceof OutOfMemoryError && t.getMessage() != null; t = t.getCause()) {
            message = t.getMessage();
        }
        return Optional.of(explain(message));
    }

    static String explain(String message) {
        if (message.contains("maxPhysicalBytes")) {
            return "out of memory: the process reached the physical memory limit " + MAX_PHYSICAL + "="
                    + property(MAX_PHYSICAL) + " (" + message + "); raise -D" + MAX_PHYSICAL + " " + WHERE
                    + ", or use a smaller batch_size";
        }
        if (message.contains("maxBytes")) {
            return "out of memory: native (off-heap) memory reached the limit " + MAX_BYTES + "="
                    + property(MAX_BYTES) + " (" + message + "); raise -D" + MAX_BYTES + " " + WHERE
                    + ", or use a smaller batch_size";
        }
        if (message.contains("Java heap space") || message.contains("GC overhead")
                || message.contains("Requested array size")) {
            return "out of memory: the Java heap reached its limit -Xmx (" + gib(Runtime.getRuntime().maxMemory())
                    + ") (" + message + "); raise -Xmx " + WHERE + ", or make the experiment smaller";
        }
        if (message.contains("Direct buffer memory")) {
            return "out of memory: direct buffers reached -XX:MaxDirectMemorySize (" + message
                    + "); raise it " + WHERE;
        }
        return "out of memory (" + (message.isEmpty() ? "no detail" : message) + "); raise the limits " + WHERE;
    }

    private static String property(String name) {
        String value = System.getProperty(name);
        return value == null || value.isBlank() ? "(JavaCPP's default)" : value.trim();
    }

    private static String gib(long bytes) {
        if (bytes == Long.MAX_VALUE) {
            return "unlimited";
        }
        double mib = bytes / (1024.0 * 1024);
        return mib < 1024 ? String.format(Locale.ROOT, "%.0f MiB", mib) : String.format(Locale.ROOT, "%.1f GiB", mib / 1024);
    }
}
