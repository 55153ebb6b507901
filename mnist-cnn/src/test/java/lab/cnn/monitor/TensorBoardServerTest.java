package lab.cnn.monitor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import lab.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code kind: tensorboard}: finding the command, its arguments, and the one-line errors (with a fake tensorboard). */
class TensorBoardServerTest {
    @TempDir
    Path dir;

    private Path script(String name, String body) throws IOException {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/bin/sh\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void notInstalledIsOneLineWithTheInstallCommand() throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Path empty = Files.createDirectories(dir.resolve("empty"));
        UserError e = assertThrows(UserError.class, () -> TensorBoardServer.serve(runs, "127.0.0.1", 0, empty.toString()));
        assertEquals(UserError.RUNTIME, e.exitCode());
        assertTrue(e.getMessage().endsWith(": pip install tensorboard"), e.getMessage());
        assertEquals(-1, e.getMessage().indexOf('\n'));
    }

    @Test
    void findsTensorBoardOnThePath() throws IOException {
        Path fake = script("tensorboard", "exit 0");
        assertEquals(Optional.of(List.of(fake.toString())),
                TensorBoardCommand.find(dir.resolve("nothing-here") + ":" + fake.getParent()));
        assertEquals(Optional.empty(), TensorBoardCommand.find(dir.resolve("nothing-here").toString()));
    }

    @Test
    void argumentsForLocalAndAllInterfaces() {
        Path runs = dir.resolve("runs");
        assertEquals(List.of("tb", "--logdir", runs.toString(), "--port", "6006", "--host", "127.0.0.1"),
                TensorBoardServer.arguments(List.of("tb"), runs, "127.0.0.1", 6006));
        assertEquals(List.of("python3", "-m", "tensorboard.main", "--logdir", runs.toString(), "--port", "7007",
                        "--bind_all"),
                TensorBoardServer.arguments(List.of("python3", "-m", "tensorboard.main"), runs, "0.0.0.0", 7007));
    }

    @Test
    void launchesTheCommandAndReportsItsFailure() throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        Path args = dir.resolve("args.txt");
        Path ok = script("tb-ok", "echo \"$@\" > " + args);
        TensorBoardServer.launch(List.of(ok.toString()), runs, "127.0.0.1", 6006);
        assertEquals("--logdir " + runs + " --port 6006 --host 127.0.0.1", Files.readString(args).strip());

        Path failing = script("tb-fail", "exit 3");
        UserError e = assertThrows(UserError.class,
                () -> TensorBoardServer.launch(List.of(failing.toString()), runs, "127.0.0.1", 6006));
        assertTrue(e.getMessage().startsWith("tensorboard stopped with exit code 3"), e.getMessage());
    }

    @Test
    void badHostIsOneLine() throws IOException {
        Path runs = Files.createDirectories(dir.resolve("runs"));
        UserError e = assertThrows(UserError.class, () -> TensorBoardServer.check(runs, "192.0.2.77", 6006));
        assertEquals(UserError.USAGE, e.exitCode());
        assertTrue(e.getMessage().contains("is not an address of this machine"), e.getMessage());
    }
}
