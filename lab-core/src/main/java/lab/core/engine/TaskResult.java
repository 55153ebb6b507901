package lab.core.engine;

import java.io.Serializable;

/**
 * What became of one task: its value, or why it failed (after the engine's retries).
 *
 * @param failure one line, or null when the task returned
 */
public record TaskResult<O extends Serializable>(O value, String failure) {
    public static <O extends Serializable> TaskResult<O> of(O value) {
        return new TaskResult<>(value, null);
    }

    public static <O extends Serializable> TaskResult<O> failed(String failure) {
        return new TaskResult<>(null, failure);
    }

    public boolean ok() {
        return failure == null;
    }
}
