package lab.core.engine;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** Runs independent tasks, as many at once as it has room for; results come back in input order. */
public interface TaskEngine {
    /**
     * @param job a name for logs and the engine's UI
     * @return one result per input, in order; a task that failed (after retries) does not stop the others
     */
    default <I extends Serializable, O extends Serializable> List<TaskResult<O>> runAll(String job, List<I> inputs,
                                                                                       Task<I, O> task) {
        List<TaskResult<O>> results = new ArrayList<>();
        runEach(job, inputs, task, (index, result) -> results.add(result));
        return results;
    }

    /**
     * The same, handing each result over as soon as it is in (in input order), so the caller can
     * write it and let it go instead of holding every result until the last task ends.
     */
    <I extends Serializable, O extends Serializable> void runEach(String job, List<I> inputs, Task<I, O> task,
                                                                 Done<O> done);

    /** Receives task {@code index}'s result. */
    @FunctionalInterface
    interface Done<O extends Serializable> {
        void accept(int index, TaskResult<O> result);
    }

    /** Tasks it runs at once (cores it has), for logs and for sizing waves of work. */
    int parallelism();

    /** One line: what runs the tasks, e.g. "Spark local[2] (2 cores)". */
    String describe();
}
