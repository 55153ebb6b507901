package lab.core.engine;

import java.io.Serializable;
import java.util.List;

/** Runs independent tasks, as many at once as it has room for; results come back in input order. */
public interface TaskEngine {
    /**
     * @param job a name for logs and the engine's UI
     * @return one result per input, in order; a task that failed (after retries) does not stop the others
     */
    <I extends Serializable, O extends Serializable> List<TaskResult<O>> runAll(String job, List<I> inputs,
                                                                               Task<I, O> task);

    /** Tasks it runs at once (cores it has), for logs and for sizing waves of work. */
    int parallelism();

    /** One line: what runs the tasks, e.g. "Spark local[2] (2 cores)". */
    String describe();
}
