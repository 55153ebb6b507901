package lab.core.engine;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.core.kind.RunContext;
import lab.core.config.ExperimentSpec;
import lab.core.config.ExperimentsFile;

/**
 * A {@link RunContext} that travels: the experiments file as text (re-read where the task runs,
 * so specs need not be serialisable), the directories as strings, and the system properties that
 * shape a run (a cluster's executors do not inherit the driver's {@code -D}s).
 *
 * @param properties the driver's values of {@link #FORWARDED}, set where the task runs when absent there
 */
public record RemoteContext(String fileName, String text, String experimentsDir, String resultsDir, String runsDir,
                            String cacheDir, boolean resume, Map<String, String> properties) implements Serializable {
    private static final long serialVersionUID = 1L;

    /** Properties that change what a run reads or computes. */
    public static final List<String> FORWARDED = List.of("mnist.dir", "threads");

    public static RemoteContext of(RunContext ctx) {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String key : FORWARDED) {
            String value = System.getProperty(key);
            if (value != null) {
                properties.put(key, value);
            }
        }
        ExperimentsFile file = ctx.experiments();
        return new RemoteContext(file.fileName(), file.text(), abs(ctx.experimentsDir()), abs(ctx.resultsDir()),
                abs(ctx.runsDir()), abs(ctx.cacheDir()), ctx.resume(), properties);
    }

    private static String abs(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    /** The context where the task runs, with results and runs in {@code scratch} (null: the driver's directories). */
    public RunContext open(Map<String, Class<? extends ExperimentSpec>> kinds, Path scratch) {
        properties.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        ExperimentsFile file = ExperimentsFile.parse(fileName, text, kinds);
        return new RunContext(file, Path.of(experimentsDir),
                scratch == null ? Path.of(resultsDir) : scratch.resolve("results"),
                scratch == null ? Path.of(runsDir) : scratch.resolve("runs"), Path.of(cacheDir), resume);
    }
}
