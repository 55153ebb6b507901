package lab.core.engine;

import java.util.ServiceLoader;
import lab.core.UserError;

/** Finds the engine an experiment asked for. */
public final class TaskEngines {
    /** How to get lab-spark onto the class path, for the error when it is not there. */
    public static final String SPARK_COMMAND = "mvn -q -Pspark compile exec:java -Dexp=NAME";

    private TaskEngines() {
    }

    /** The engine for a non-local choice; a missing module is the user's to fix, in one line. */
    public static TaskEngine get(Engine engine, String experiment) {
        return ServiceLoader.load(TaskEngineProvider.class, TaskEngines.class.getClassLoader()).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.engine() == engine).findFirst()
                .map(TaskEngineProvider::get)
                .orElseThrow(() -> UserError.usage(experiment + ": engine: " + engine + " needs the lab-spark module on "
                        + "the class path: run " + SPARK_COMMAND.replace("NAME", experiment)
                        + " (see docs/cluster.md)"));
    }
}
