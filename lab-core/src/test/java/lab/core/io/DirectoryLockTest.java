package lab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import lab.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryLockTest {
    @TempDir
    Path tmp;

    @Test
    void secondHolderIsRefusedWithOneLineNamingTheFirst() {
        Path dir = tmp.resolve("runs/exp");
        try (DirectoryLock first = DirectoryLock.acquire(dir, "experiment exp")) {
            UserError e = assertThrows(UserError.class, () -> DirectoryLock.acquire(dir, "experiment exp"));
            assertEquals(UserError.RUNTIME, e.exitCode());
            assertEquals(dir + ": experiment exp is already running (process " + ProcessHandle.current().pid()
                    + "); wait for it or stop it first", e.getMessage());
        }
        try (DirectoryLock again = DirectoryLock.acquire(dir, "experiment exp")) {
            assertTrue(Files.isDirectory(dir), "free again once released");
        }
    }

    @Test
    void directoriesItCreatedGoAgainWhenTheRunLeftNothing() throws Exception {
        Path dir = tmp.resolve("runs/exp");
        DirectoryLock.acquire(dir, "x").close();
        assertFalse(Files.exists(tmp.resolve("runs")));

        try (DirectoryLock lock = DirectoryLock.acquire(dir, "x")) {
            Files.writeString(dir.resolve("model.zip"), "m");
        }
        assertTrue(Files.exists(dir.resolve("model.zip")), "what the run wrote stays");
    }
}
