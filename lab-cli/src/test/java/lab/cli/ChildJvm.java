package lab.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The command line of the program in a JVM of its own, on the test's class path. */
final class ChildJvm {
    private ChildJvm() {
    }

    static List<String> command(List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "--add-modules", "jdk.incubator.vector",
                "-Djava.awt.headless=true",
                // the thread count decides float sums: runs compared bit for bit must not measure it
                "-Dthreads=1"));
        command.addAll(isaOptions());
        command.addAll(jvmOptions);
        command.add(Main.class.getName());
        command.addAll(args);
        return command;
    }

    /**
     * The instruction-set path this test JVM runs on (under {@code -Pavx2}: the AVX2 natives and the
     * JVM's vectors capped), so that a child computes what the test JVM would; the environment
     * caps (DNNL_, OPENBLAS_, GLIBC_) are inherited anyway.
     */
    static List<String> isaOptions() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(a -> a.startsWith("-Dorg.bytedeco.javacpp.platform.extension=") || a.startsWith("-XX:UseAVX=")
                        || a.startsWith("-XX:MaxVectorSize="))
                .toList();
    }
}
