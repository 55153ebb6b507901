package lab.core.engine;

import java.io.Serializable;

/**
 * One unit of work an engine may run in another JVM: it and its input travel serialised, so it
 * must not capture the driver's state (data, networks); it loads what it needs where it runs.
 */
@FunctionalInterface
public interface Task<I extends Serializable, O extends Serializable> extends Serializable {
    O run(I input) throws Exception;
}
