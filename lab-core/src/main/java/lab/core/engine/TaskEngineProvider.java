package lab.core.engine;

/**
 * Supplies the {@code spark} engine; lab-spark declares its implementation in
 * {@code META-INF/services/lab.core.engine.TaskEngineProvider}.
 */
public interface TaskEngineProvider {
    Engine engine();

    /** The engine, started on first use and shared by the whole JVM. */
    TaskEngine get();
}
