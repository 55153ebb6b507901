package lab.core.config;

import java.util.List;

/** Range checks for config records; each failure names the key and what is allowed. */
public final class Check {
    private Check() {
    }

    public static int positive(String key, Integer value, int fallback) {
        int v = value == null ? fallback : value;
        if (v <= 0) {
            throw new InvalidValue(key, "must be > 0, got " + v);
        }
        return v;
    }

    public static long nonNegative(String key, Long value, long fallback) {
        long v = value == null ? fallback : value;
        if (v < 0) {
            throw new InvalidValue(key, "must be >= 0, got " + v);
        }
        return v;
    }

    public static double positive(String key, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new InvalidValue(key, "must be a finite number > 0, got " + v);
        }
        return v;
    }

    public static double nonNegative(String key, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v >= 0) || Double.isInfinite(v)) {
            throw new InvalidValue(key, "must be a finite number >= 0, got " + v);
        }
        return v;
    }

    public static double inRange(String key, Double value, double fallback, double min, double max) {
        double v = value == null ? fallback : value;
        if (!(v >= min && v <= max)) {
            throw new InvalidValue(key, "must be between " + min + " and " + max + ", got " + v);
        }
        return v;
    }

    /** A rate in [0, 1), such as a momentum or a moment's decay (1 would never forget). */
    public static double fraction(String key, Double value, double fallback) {
        double v = value == null ? fallback : value;
        if (!(v >= 0 && v < 1)) {
            throw new InvalidValue(key, "must be >= 0 and < 1, got " + v);
        }
        return v;
    }

    public static <T> T required(String key, T value) {
        if (value == null) {
            throw new InvalidValue(key, "is required");
        }
        return value;
    }

    public static <T> List<T> nonEmpty(String key, List<T> value) {
        if (value == null || value.isEmpty()) {
            throw new InvalidValue(key, "must be a non-empty list");
        }
        if (value.stream().anyMatch(java.util.Objects::isNull)) {
            throw new InvalidValue(key, "must not contain empty entries");
        }
        return List.copyOf(value);
    }
}
