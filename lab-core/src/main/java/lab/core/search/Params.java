package lab.core.search;

import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Parameter values as people read them: numbers to 4 significant digits, everything else as named. */
public final class Params {
    private Params() {
    }

    public static String format(Object value) {
        if (value instanceof Double d) {
            double a = Math.abs(d);
            return a != 0 && (a < 1e-3 || a >= 1e5) ? String.format(Locale.ROOT, "%.3e", d)
                    : String.format(Locale.ROOT, "%.4g", d).replaceAll("(\\.\\d*?)0+$", "$1").replaceAll("\\.$", "");
        }
        return String.valueOf(value);
    }

    /** "learning_rate=0.003162 activation=tanh". */
    public static String describe(Map<String, Object> params) {
        return params.entrySet().stream().map(e -> e.getKey() + "=" + format(e.getValue()))
                .collect(Collectors.joining(" "));
    }
}
