package lab.spark;

/** A failed Spark job as one line: the task's own exception if Spark kept it, else Spark's first line. */
final class SparkFailures {
    private static final String ABORTED = "Job aborted due to stage failure: ";

    private SparkFailures() {
    }

    static String describe(Throwable failure) {
        if (failure == null) {
            return "unknown failure";
        }
        Throwable cause = failure.getCause();
        if (cause != null && cause != failure) {
            return oneLine(cause.getClass().getSimpleName() + (cause.getMessage() == null ? "" : ": " + cause.getMessage()))
                    + " (" + attempts(failure.getMessage()) + ")";
        }
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return oneLine(message.startsWith(ABORTED) ? message.substring(ABORTED.length()) : message);
    }

    /** "Task 0 in stage 3.0 failed 4 times" out of Spark's message. */
    private static String attempts(String message) {
        if (message == null) {
            return "Spark gave up";
        }
        String rest = message.startsWith(ABORTED) ? message.substring(ABORTED.length()) : message;
        int comma = rest.indexOf(',');
        return comma < 0 ? oneLine(rest) : rest.substring(0, comma);
    }

    private static String oneLine(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        return first.replaceAll("\\s+", " ");
    }
}
