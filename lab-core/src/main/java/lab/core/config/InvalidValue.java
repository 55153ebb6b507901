package lab.core.config;

/**
 * Thrown by a config record's constructor when one of its values is out of range. The binder
 * turns it into {@code file:line:col: key: message}, pointing at {@link #key()}.
 */
public final class InvalidValue extends IllegalArgumentException {
    private final String key;

    public InvalidValue(String key, String message) {
        super(message);
        this.key = key;
    }

    public String key() {
        return key;
    }
}
