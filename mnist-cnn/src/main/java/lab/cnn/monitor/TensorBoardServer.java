package lab.cnn.monitor;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.core.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs TensorBoard ({@code --logdir RUNS --port PORT}, {@code --host HOST} or {@code --bind_all}
 * for 0.0.0.0) as a child process, prints its address and waits for it; Ctrl-C stops both. Every
 * problem the user can fix (not installed, port in use, no runs directory) is one line.
 */
public final class TensorBoardServer {
    private static final Logger LOG = LoggerFactory.getLogger(TensorBoardServer.class);

    private TensorBoardServer() {
    }

    public static void serve(Path runsDir, String host, int port) {
        serve(runsDir, host, port, System.getenv("PATH"));
    }

    /** With {@code pathVariable} as the PATH to look for tensorboard / python3 in. */
    static void serve(Path runsDir, String host, int port, String pathVariable) {
        check(runsDir, host, port);
        List<String> command = TensorBoardCommand.find(pathVariable).orElseThrow(() -> UserError.runtime(
                "tensorboard is not installed (no tensorboard on the PATH, and python3 cannot import it): "
                        + TensorBoardCommand.INSTALL_HINT));
        launch(command, runsDir, host, port);
    }

    /** What the user can fix, before anything starts. */
    static void check(Path runsDir, String host, int port) {
        if (!Files.isDirectory(runsDir)) {
            throw UserError.runtime(runsDir + ": no runs directory yet (train a cnn experiment first, or set -Druns.dir)");
        }
        checkPortFree(host, port);
    }

    /** The command line TensorBoard gets, after {@code command} (the executable, or python3 -m tensorboard.main). */
    static List<String> arguments(List<String> command, Path runsDir, String host, int port) {
        List<String> args = new ArrayList<>(command);
        args.addAll(List.of("--logdir", runsDir.toAbsolutePath().toString(), "--port", Integer.toString(port)));
        if (host.equals("0.0.0.0")) {
            args.add("--bind_all");
        } else {
            args.addAll(List.of("--host", host));
        }
        return args;
    }

    /** Starts {@code command} with TensorBoard's arguments and waits for it. */
    static void launch(List<String> command, Path runsDir, String host, int port) {
        Process process;
        try {
            process = new ProcessBuilder(arguments(command, runsDir, host, port)).inheritIO().start();
        } catch (IOException e) {
            throw UserError.runtime("cannot start " + String.join(" ", command) + ": " + e.getMessage(), e);
        }
        Thread stopper = new Thread(() -> stop(process), "tensorboard-stop");
        Runtime.getRuntime().addShutdownHook(stopper);
        String shown = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        LOG.info("TensorBoard at http://{}:{}/ over {} (Ctrl-C stops it){}", shown, port, runsDir,
                host.equals("0.0.0.0") ? "; it listens on every interface: other machines can reach it" : "");
        int code;
        try {
            code = process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stop(process);
            return;
        }
        try {
            Runtime.getRuntime().removeShutdownHook(stopper);
        } catch (IllegalStateException shuttingDown) {
            return; // Ctrl-C: the hook stops it
        }
        if (code != 0) {
            throw UserError.runtime("tensorboard stopped with exit code " + code + " (its messages are above)");
        }
    }

    /** The process and what it started: a pyenv shim, for one, runs python as its child. */
    private static void stop(Process process) {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
    }

    private static void checkPortFree(String host, int port) {
        InetAddress address;
        try {
            address = InetAddress.getByName(host);
        } catch (UnknownHostException e) {
            throw UserError.usage("tensorboard host " + host + " is not an address of this machine (key host)");
        }
        if (!canBind(address, 0)) {
            throw UserError.usage("tensorboard host " + host + " is not an address of this machine (key host)");
        }
        if (!canBind(address, port)) {
            throw UserError.runtime("port " + port + " on " + host + " is in use (another TensorBoard?): set port: N "
                    + "in the experiment, or stop the other server");
        }
    }

    private static boolean canBind(InetAddress address, int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
