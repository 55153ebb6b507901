package lab.spark;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * The project's own classes as jars for a cluster's executors ({@code spark.jars}): a module's jar
 * as it is, or its {@code target/classes} directory (a {@code compile exec:java} run) zipped into
 * a temporary jar. Libraries (DL4J, ND4J) must already be on the Workers (docs/cluster.md).
 */
final class AppJars {
    /** A class of each module whose code tasks run: lab-core, mlp-scratch, mnist-cnn, lab-spark. */
    private static final List<String> MARKERS = List.of("lab.core.kind.RunContext", "lab.mlp.MlpKinds", "lab.cnn.CnnKinds",
            "lab.spark.SparkContexts");

    private AppJars() {
    }

    static List<String> ofThisApplication() {
        Set<Path> sources = new LinkedHashSet<>();
        for (String marker : MARKERS) {
            try {
                CodeSource source = Class.forName(marker).getProtectionDomain().getCodeSource();
                if (source != null) {
                    sources.add(Path.of(source.getLocation().toURI()));
                }
            } catch (ClassNotFoundException | URISyntaxException e) {
                // a module that is not on the class path has no tasks to run
            }
        }
        List<String> jars = new ArrayList<>();
        for (Path source : sources) {
            jars.add((Files.isDirectory(source) ? jar(source) : source).toAbsolutePath().toString());
        }
        return jars;
    }

    private static Path jar(Path classes) {
        try {
            Path jar = Files.createTempFile("lab-classes-", ".jar");
            jar.toFile().deleteOnExit();
            try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file);
                 Stream<Path> paths = Files.walk(classes)) {
                for (Path p : paths.filter(Files::isRegularFile).sorted().toList()) {
                    out.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    Files.copy(p, out);
                    out.closeEntry();
                }
            }
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
