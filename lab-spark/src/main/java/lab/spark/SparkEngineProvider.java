package lab.spark;

import lab.core.engine.Engine;
import lab.core.engine.TaskEngine;
import lab.core.engine.TaskEngineProvider;

/** {@code engine: spark}, registered in META-INF/services/lab.core.engine.TaskEngineProvider. */
public final class SparkEngineProvider implements TaskEngineProvider {
    @Override
    public Engine engine() {
        return Engine.SPARK;
    }

    @Override
    public TaskEngine get() {
        return new SparkTaskEngine(SparkContexts.shared());
    }
}
