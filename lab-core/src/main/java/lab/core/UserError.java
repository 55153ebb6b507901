package lab.core;

/**
 * A mistake the user can fix (bad config, missing data, unwritable directory). The CLI prints
 * only the message, on one line, and exits with {@link #exitCode()}: never a stack trace.
 */
public class UserError extends RuntimeException {
    /** Usage or configuration mistakes. */
    public static final int USAGE = 2;
    /** Problems found while running: data missing or corrupt, I/O failures. */
    public static final int RUNTIME = 1;

    private final int exitCode;

    private UserError(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public static UserError usage(String message) {
        return new UserError(message, USAGE, null);
    }

    public static UserError runtime(String message) {
        return new UserError(message, RUNTIME, null);
    }

    public static UserError runtime(String message, Throwable cause) {
        return new UserError(message, RUNTIME, cause);
    }

    public int exitCode() {
        return exitCode;
    }
}
