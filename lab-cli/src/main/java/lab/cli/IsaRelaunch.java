package lab.cli;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import lab.core.UserError;
import lab.core.cpu.IsaPath;

/**
 * Runs an experiment pinned to an instruction-set path in a new JVM set up for it, because the
 * native libraries read their caps from the environment when they load: the same command then
 * measures the AVX2 path on an AVX-512 machine, no shell variables needed.
 */
final class IsaRelaunch {
    private IsaRelaunch() {
    }

    /** Runs {@code args} (the program's own options) on {@code path} in a child JVM; returns its exit code. */
    static int run(IsaPath path, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(inheritedOptions());
        command.addAll(path.jvmOptions());
        command.add("-cp");
        command.add(classPath());
        command.add(Main.class.getName());
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().putAll(path.environment());
        System.out.println("isa " + path + ": a new JVM with " + path.environment() + " and " + path.jvmOptions());
        try {
            Process child = builder.start();
            return child.waitFor();
        } catch (IOException e) {
            throw UserError.runtime("could not start a JVM for the " + path + " path: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return UserError.RUNTIME;
        }
    }

    /** This JVM's memory limits, modules and properties (Maven's own launcher settings excluded). */
    private static List<String> inheritedOptions() {
        Set<String> options = new LinkedHashSet<>();
        for (String option : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
            boolean ours = option.startsWith("-X") || option.startsWith("--add-") || option.startsWith("-Dorg.bytedeco.")
                    || option.startsWith("-Djava.awt.headless") || option.startsWith("-Dorg.eclipse.deeplearning4j.");
            if (ours && !option.startsWith("-Dorg.bytedeco.javacpp.platform.extension")
                    && !option.startsWith("-XX:MaxVectorSize") && !option.startsWith("-XX:UseAVX")) {
                options.add(option);
            }
        }
        String root = System.getProperty("maven.multiModuleProjectDirectory");
        if (root != null) {
            options.add("-Dmaven.multiModuleProjectDirectory=" + root);
        }
        return new ArrayList<>(options);
    }

    /** The class path this program was loaded from: exec:java's class loader, or the JVM's. */
    private static String classPath() {
        ClassLoader loader = Main.class.getClassLoader();
        if (loader instanceof URLClassLoader urls && urls.getURLs().length > 0) {
            List<String> entries = new ArrayList<>();
            for (URL url : urls.getURLs()) {
                try {
                    entries.add(Path.of(url.toURI()).toString());
                } catch (java.net.URISyntaxException | IllegalArgumentException e) {
                    entries.add(url.getPath());
                }
            }
            return String.join(File.pathSeparator, entries);
        }
        return System.getProperty("java.class.path");
    }
}
