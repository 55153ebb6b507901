package lab.core.io;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import lab.core.UserError;

/**
 * Result files are written to a temporary file beside the target and renamed over it, so a
 * crash never leaves a half-written file where a reader expects a whole one.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes whatever {@code body} puts in the stream. */
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, Body body) {
        Path dir = target.toAbsolutePath().getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            // Not createTempFile: its 0600 permissions would survive the rename.
            tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + Thread.currentThread().getId() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                body.writeTo(out);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            tmp = null;
        } catch (AccessDeniedException e) {
            throw UserError.runtime(dir + ": results directory is not writable");
        } catch (FileSystemException e) {
            Path file = fileOnPath(dir);
            if (file != null) {
                throw notADirectory(dir, file);
            }
            throw UserError.runtime(target + ": cannot write: " + e.getReason());
        } catch (IOException e) {
            throw UserError.runtime(target + ": cannot write: " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // best effort: the original error is the one to report
                }
            }
        }
    }

    public static void writeString(Path target, String text) {
        write(target, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * Fails early, with one line, when results cannot be written under {@code dir}, and leaves no
     * trace: directories it had to create for the check are removed again, so a run that stops
     * before its first result (bad data, a port in use) writes nothing. Writers create the
     * directories when they write.
     */
    public static void requireWritableDirectory(Path dir) {
        Path absolute = dir.toAbsolutePath().normalize();
        MissingDirectories created = MissingDirectories.on(absolute);
        try {
            Path file = fileOnPath(absolute);
            if (file != null) {
                throw notADirectory(dir, file);
            }
            created.create();
            Path probe = Files.createTempFile(absolute, ".probe", ".tmp");
            Files.delete(probe);
        } catch (IOException e) {
            throw UserError.runtime(dir + ": results directory is not writable");
        } finally {
            created.removeEmpty();
        }
    }

    /** The first existing path on the way to {@code dir} that is not a directory, or null. */
    private static Path fileOnPath(Path dir) {
        for (Path p = dir.toAbsolutePath().normalize(); p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                return Files.isDirectory(p) ? null : p;
            }
        }
        return null;
    }

    private static UserError notADirectory(Path dir, Path file) {
        return UserError.runtime(dir + ": results directory is not writable (" + file + " is a file, not a directory)");
    }
}
