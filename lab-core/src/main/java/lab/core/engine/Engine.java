package lab.core.engine;

import java.util.Arrays;
import java.util.Locale;
import lab.core.UserError;

/** Where the tasks of a suite or a search run: {@code engine:} in the YAML, {@code -Dengine} overrides it. */
public enum Engine {
    /** In this JVM, as always. */
    LOCAL,
    /** As Spark tasks ({@code -Dspark.master}, default {@code local[*]}); needs the lab-spark module. */
    SPARK;

    /** System property that overrides every experiment's {@code engine:}. */
    public static final String PROPERTY = "engine";

    /** {@code -Dengine} if given, else the experiment's {@code engine:}, else local. */
    public static Engine chosen(Engine declared) {
        String property = System.getProperty(PROPERTY);
        if (property == null || property.isBlank()) {
            return declared == null ? LOCAL : declared;
        }
        return Arrays.stream(values()).filter(e -> e.toString().equals(property.strip())).findFirst()
                .orElseThrow(() -> UserError.usage("-D" + PROPERTY + "=" + property + ": unknown engine (allowed: "
                        + String.join(", ", Arrays.stream(values()).map(Engine::toString).toList()) + ")"));
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
