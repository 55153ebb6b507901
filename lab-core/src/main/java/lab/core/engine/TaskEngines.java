package lab.core.engine;

import java.util.ServiceLoader;
import lab.core.UserError;

/** Finds the engine an experiment asked for. */
public final class TaskEngines {
    /** How to get lab-spark onto the class path, for the error when it is not there. */
    public static final String SPARK_COMMAND = "mvn -q -Pspark compile exec:java -Dexp=NAME";

    private TaskEngines() {
    }

    /**
     * The thread's context loader when there is one: under spark-submit the application jar has a
     * loader of its own, which Spark makes the context loader (a library copy of lab-core on the
     * JVM's class path would otherwise look only there).
     */
    public static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : TaskEngines.class.getClassLoader();
    }

    /** The engine for a non-local choice; a missing module is the user's to fix, in one line. */
    public static TaskEngine get(Engine engine, String experiment) {
        return ServiceLoader.load(TaskEngineProvider.class, loader()).stream()
                .map(ServiceLoader.Provider::get).filter(p -> p.engine() == engine).findFirst()
                .map(TaskEngineProvider::get)
                .orElseThrow(() -> UserError.usage(experiment + ": engine: " + engine + " needs the lab-spark module on "
                        + "the class path: run " + SPARK_COMMAND.replace("NAME", experiment)
                        + " (see docs/cluster.md)"));
    }
}
