package lab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import lab.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer failing half-way never leaves a half-written target, nor its temporary file. */
class AtomicFilesTest {
    @TempDir
    Path tmp;

    /** Writes half the bytes, then fails as a crashing writer would. */
    private static final RuntimeException CRASH = new IllegalStateException("crash half-way");

    private static AtomicFiles.Body halfThenCrash(String text) {
        return out -> {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            throw CRASH;
        };
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(tmp)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void newFileIsAbsentAfterACrash() throws IOException {
        Path target = tmp.resolve("metrics.json");
        RuntimeException e = assertThrows(RuntimeException.class,
                () -> AtomicFiles.write(target, halfThenCrash("{\"a\": 1, \"b\": 2}\n")));
        assertSame(CRASH, e);
        assertFalse(Files.exists(target));
        assertEquals(List.of(), names(), "temporary file left behind");
    }

    @Test
    void oldContentSurvivesACrash() throws IOException {
        Path target = tmp.resolve("loss.csv");
        AtomicFiles.writeString(target, "pass,loss\n1,0.5\n");
        assertThrows(RuntimeException.class, () -> AtomicFiles.write(target, halfThenCrash("pass,loss\n2,0.25\n")));
        assertEquals("pass,loss\n1,0.5\n", Files.readString(target));
        assertEquals(List.of("loss.csv"), names());
    }

    @Test
    void ioErrorMidwayIsOneLineAndLeavesOldContent() throws IOException {
        Path target = tmp.resolve("report.md");
        AtomicFiles.writeString(target, "old\n");
        UserError e = assertThrows(UserError.class, () -> AtomicFiles.write(target, out -> {
            out.write("new, half".getBytes(StandardCharsets.UTF_8));
            throw new IOException("No space left on device");
        }));
        assertEquals(UserError.RUNTIME, e.exitCode());
        assertEquals(target + ": cannot write: No space left on device", e.getMessage());
        assertEquals("old\n", Files.readString(target));
        assertEquals(List.of("report.md"), names());
    }

    @Test
    void completeWriteReplacesTheTarget() throws IOException {
        Path target = tmp.resolve("sub").resolve("model.zip");
        AtomicFiles.writeString(target, "one");
        AtomicFiles.writeString(target, "two");
        assertEquals("two", Files.readString(target));
        try (Stream<Path> files = Files.list(target.getParent())) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void writabilityCheckLeavesNoTrace() throws IOException {
        Path dir = tmp.resolve("results").resolve("cnn").resolve("run");
        AtomicFiles.requireWritableDirectory(dir);
        assertEquals(List.of(), names());
        Files.createDirectories(dir);
        AtomicFiles.requireWritableDirectory(dir);
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(0, files.count());
        }
    }

    @Test
    void directoryUnderAFileIsNotWritable() throws IOException {
        Path file = Files.writeString(tmp.resolve("results"), "a file");
        Path dir = file.resolve("mlp").resolve("x");
        UserError e = assertThrows(UserError.class, () -> AtomicFiles.requireWritableDirectory(dir));
        assertEquals(dir + ": results directory is not writable (" + file + " is a file, not a directory)",
                e.getMessage());
        UserError write = assertThrows(UserError.class, () -> AtomicFiles.writeString(dir.resolve("a.csv"), "x"));
        assertTrue(write.getMessage().startsWith(dir + ": results directory is not writable"), write.getMessage());
        assertEquals("a file", Files.readString(file));
    }
}
