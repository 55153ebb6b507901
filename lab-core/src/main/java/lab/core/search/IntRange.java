package lab.core.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import lab.core.config.Check;
import lab.core.config.InvalidValue;

/**
 * A whole-number parameter of a search: a range {@code {min: A, max: B}} (both included) or a list
 * of values {@code {values: [A, B, C]}}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IntRange(Integer min, Integer max, List<Integer> values) {

    public IntRange {
        if (values != null) {
            if (min != null || max != null) {
                throw new InvalidValue("values", "give either values or min/max, not both");
            }
            values = Check.nonEmpty("values", values);
        } else {
            if (min == null) {
                throw new InvalidValue("min", "is required (or give a list as values)");
            }
            if (max == null) {
                throw new InvalidValue("max", "is required (or give a list as values)");
            }
            if (max <= min) {
                throw new InvalidValue("max", "must be > min (" + min + "), got " + max);
            }
        }
    }

    public int lowest() {
        return values != null ? values.stream().mapToInt(Integer::intValue).min().orElseThrow() : min;
    }

    public int highest() {
        return values != null ? values.stream().mapToInt(Integer::intValue).max().orElseThrow() : max;
    }
}
