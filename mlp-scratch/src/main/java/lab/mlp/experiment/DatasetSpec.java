package lab.mlp.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import lab.core.config.Check;
import lab.core.config.InvalidValue;

/**
 * The {@code dataset:} of an mlp experiment. Keys that do not apply to the chosen type are
 * rejected rather than silently ignored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DatasetSpec(Type type, Integer n, Double noise, Long seed, String path, Integer centers, Double std,
                          Double factor) {

    public enum Type {
        MOONS, BLOBS, CIRCLES, CSV;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The assignment's data: make_moons(200, noise=0.20), seed 0. */
    public static DatasetSpec defaultMoons() {
        return new DatasetSpec(Type.MOONS, null, null, null, null, null, null, null);
    }

    public DatasetSpec {
        type = Check.required("type", type);
        rejectUnless(type, type != Type.CSV, "n", n);
        rejectUnless(type, type != Type.CSV, "seed", seed);
        rejectUnless(type, type == Type.MOONS || type == Type.CIRCLES, "noise", noise);
        rejectUnless(type, type == Type.CSV, "path", path);
        rejectUnless(type, type == Type.BLOBS, "centers", centers);
        rejectUnless(type, type == Type.BLOBS, "std", std);
        rejectUnless(type, type == Type.CIRCLES, "factor", factor);
        switch (type) {
            case CSV -> {
                path = Check.required("path", path);
                if (path.isBlank()) {
                    throw new InvalidValue("path", "must name a CSV file");
                }
            }
            case MOONS, CIRCLES -> {
                n = Check.positive("n", n, 200);
                seed = seed == null ? 0L : seed;
                noise = Check.nonNegative("noise", noise, type == Type.MOONS ? 0.2 : 0.1);
                if (type == Type.CIRCLES) {
                    factor = Check.inRange("factor", factor, 0.5, 0.01, 0.99);
                }
            }
            case BLOBS -> {
                n = Check.positive("n", n, 200);
                seed = seed == null ? 0L : seed;
                centers = Check.positive("centers", centers, 2);
                std = Check.positive("std", std, 1.0);
                if (centers > n) {
                    throw new InvalidValue("centers", "must be <= n (" + n + "), got " + centers);
                }
            }
        }
    }

    private static void rejectUnless(Type type, boolean applies, String key, Object value) {
        if (!applies && value != null) {
            throw new InvalidValue(key, "does not apply to dataset type " + type);
        }
    }

    /** One line for logs and titles. */
    public String describe() {
        return switch (type) {
            case MOONS -> "moons n=" + n + " noise=" + noise + " seed=" + seed;
            case CIRCLES -> "circles n=" + n + " noise=" + noise + " factor=" + factor + " seed=" + seed;
            case BLOBS -> "blobs n=" + n + " centers=" + centers + " std=" + std + " seed=" + seed;
            case CSV -> "csv " + path;
        };
    }
}
