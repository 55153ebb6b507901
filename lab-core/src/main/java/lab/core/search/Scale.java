package lab.core.search;

import java.util.Locale;

/** How a number range is sampled: evenly, or evenly in its logarithm (learning rates, L2 strengths). */
public enum Scale {
    LINEAR, LOG;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
