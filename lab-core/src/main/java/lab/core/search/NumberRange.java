package lab.core.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import lab.core.config.Check;
import lab.core.config.InvalidValue;

/**
 * A real-valued parameter of a search: a range {@code {min: A, max: B, scale: linear|log}} or a
 * list of values {@code {values: [A, B, C]}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NumberRange(Double min, Double max, Scale scale, List<Double> values) {

    public NumberRange {
        if (values != null) {
            if (min != null || max != null || scale != null) {
                throw new InvalidValue("values", "give either values or min/max, not both");
            }
            values = Check.nonEmpty("values", values);
            for (double v : values) {
                if (!Double.isFinite(v)) {
                    throw new InvalidValue("values", "must be finite numbers, got " + v);
                }
            }
        } else {
            if (min == null) {
                throw new InvalidValue("min", "is required (or give a list as values)");
            }
            if (max == null) {
                throw new InvalidValue("max", "is required (or give a list as values)");
            }
            if (!Double.isFinite(min) || !Double.isFinite(max)) {
                throw new InvalidValue("min", "min and max must be finite numbers");
            }
            if (!(max > min)) {
                throw new InvalidValue("max", "must be > min (" + min + "), got " + max);
            }
            scale = scale == null ? Scale.LINEAR : scale;
            if (scale == Scale.LOG && !(min > 0)) {
                throw new InvalidValue("min", "must be > 0 for scale log, got " + min);
            }
        }
    }

    /** Smallest value the range can produce. */
    public double lowest() {
        return values != null ? values.stream().mapToDouble(Double::doubleValue).min().orElseThrow() : min;
    }

    /** Largest value the range can produce. */
    public double highest() {
        return values != null ? values.stream().mapToDouble(Double::doubleValue).max().orElseThrow() : max;
    }
}
