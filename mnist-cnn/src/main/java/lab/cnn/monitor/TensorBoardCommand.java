package lab.cnn.monitor;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * How to start TensorBoard on this machine: a {@code tensorboard} executable on the PATH, else
 * {@code python3 -m tensorboard.main} where python3 can import it, else nothing.
 */
final class TensorBoardCommand {
    static final String INSTALL_HINT = "pip install tensorboard";

    private TensorBoardCommand() {
    }

    static Optional<List<String>> find(String pathVariable) {
        Optional<Path> executable = onPath("tensorboard", pathVariable);
        if (executable.isPresent()) {
            return Optional.of(List.of(executable.get().toString()));
        }
        Optional<Path> python = onPath("python3", pathVariable);
        if (python.isPresent() && imports(python.get())) {
            return Optional.of(List.of(python.get().toString(), "-m", "tensorboard.main"));
        }
        return Optional.empty();
    }

    static Optional<Path> onPath(String name, String pathVariable) {
        if (pathVariable == null) {
            return Optional.empty();
        }
        for (String dir : pathVariable.split(File.pathSeparator)) {
            if (dir.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(dir, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** Whether {@code python -c 'import tensorboard'} succeeds (within a minute: the import is slow). */
    private static boolean imports(Path python) {
        List<String> command = new ArrayList<>(List.of(python.toString(), "-c", "import tensorboard"));
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
