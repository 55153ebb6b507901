package lab.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A real Spark standalone cluster on 127.0.0.1 from the test's own class path: a Master and
 * Workers as separate JVMs (docs/cluster.md, "a cluster from Maven jars"). Spark's scripts are not
 * needed: an empty fake {@code SPARK_HOME/jars} plus {@code SPARK_DIST_CLASSPATH} give the
 * executors the class path.
 */
final class StandaloneCluster implements AutoCloseable {
    private final Path home;
    private final String classPath;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();
    private final List<Path> workDirs = new ArrayList<>();
    final String url;

    StandaloneCluster(Path dir, int workers) throws IOException {
        this.home = dir.resolve("spark-home");
        Files.createDirectories(home.resolve("jars"));
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        this.classPath = cp;
        int port = freePort();
        this.url = "spark://127.0.0.1:" + port;
        this.master = start(dir.resolve("master.log"), "org.apache.spark.deploy.master.Master", "--host", "127.0.0.1",
                "--port", Integer.toString(port), "--webui-port", Integer.toString(freePort()));
        for (int i = 0; i < workers; i++) {
            Path work = dir.resolve("worker-" + i);
            Files.createDirectories(work);
            workDirs.add(work);
            this.workers.add(start(dir.resolve("worker-" + i + ".log"), "org.apache.spark.deploy.worker.Worker", url,
                    "--host", "127.0.0.1", "--cores", "1", "--memory", "2g", "--work-dir", work.toString(),
                    "--webui-port", Integer.toString(freePort())));
        }
    }

    private Process start(Path log, String main, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m"));
        command.addAll(List.of(System.getProperty("spark.java17.options", "").split("\\s+")));
        command.removeIf(String::isBlank);
        command.addAll(List.of("-cp", classPath, main));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        Map<String, String> env = builder.environment();
        env.put("SPARK_HOME", home.toString());
        env.put("SPARK_SCALA_VERSION", "2.12");
        env.put("SPARK_LOCAL_IP", "127.0.0.1");
        env.put("SPARK_DIST_CLASSPATH", classPath);
        return builder.start();
    }

    /** Whether an executor of Worker {@code i} has logged {@code text} (its stdout and stderr). */
    boolean executorLogged(int i, String text) {
        try (Stream<Path> files = Files.walk(workDirs.get(i))) {
            return files.filter(p -> p.getFileName().toString().matches("stdout|stderr")).anyMatch(p -> {
                try {
                    return Files.readString(p).contains(text);
                } catch (IOException e) {
                    return false;
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Kills Worker {@code i} as a crash would (its executors notice and exit). */
    void killWorker(int i) {
        Process worker = workers.get(i);
        worker.descendants().forEach(ProcessHandle::destroyForcibly);
        worker.destroyForcibly();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        for (Process p : workers) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        }
        master.destroyForcibly();
    }
}
