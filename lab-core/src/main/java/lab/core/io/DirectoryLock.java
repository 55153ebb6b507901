package lab.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import lab.core.UserError;

/**
 * An exclusive lock on a run directory, so that two processes never train the same experiment
 * into the same checkpoints at once. The operating system releases it when the process dies,
 * however it dies.
 */
public final class DirectoryLock implements AutoCloseable {
    static final String FILE = ".lock";

    private final Path dir;
    /** What acquire() created: removed again if the run left nothing. */
    private final MissingDirectories created;
    private final FileChannel channel;
    private final FileLock lock;

    private DirectoryLock(Path dir, MissingDirectories created, FileChannel channel, FileLock lock) {
        this.dir = dir;
        this.created = created;
        this.channel = channel;
        this.lock = lock;
    }

    /** Locks {@code dir} or fails with one line naming the process that holds it. */
    public static DirectoryLock acquire(Path dir, String what) {
        Path file = dir.resolve(FILE);
        FileChannel channel = null;
        try {
            MissingDirectories created = MissingDirectories.on(dir);
            Files.createDirectories(dir);
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                String holder = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).trim();
                channel.close();
                throw UserError.runtime(dir + ": " + what + " is already running" + (holder.isEmpty() ? ""
                        : " (process " + holder + ")") + "; wait for it or stop it first");
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(Long.toString(ProcessHandle.current().pid())
                    .getBytes(StandardCharsets.UTF_8)));
            channel.force(false);
            return new DirectoryLock(dir, created, channel, lock);
        } catch (IOException e) {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // reporting the first error
                }
            }
            throw UserError.runtime(file + ": cannot lock the run directory: " + e.getMessage(), e);
        }
    }

    /** Releases the lock; a directory this lock created and nothing else used is removed again. */
    @Override
    public void close() {
        try {
            if (created.any()) {
                try (var entries = Files.list(dir)) {
                    if (entries.allMatch(p -> p.getFileName().toString().equals(FILE))) {
                        Files.delete(dir.resolve(FILE));
                        created.removeEmpty();
                    }
                }
            }
        } catch (IOException ignored) {
            // leaving an empty run directory behind is harmless
        } finally {
            try {
                lock.release();
                channel.close();
            } catch (IOException ignored) {
                // the lock goes with the channel, or with the process
            }
        }
    }
}
