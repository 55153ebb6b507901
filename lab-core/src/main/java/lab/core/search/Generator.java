package lab.core.search;

import java.util.Locale;

/** How a search picks its candidates: Arbiter's random search or its exhaustive grid. */
public enum Generator {
    /** RandomSearchGenerator: every parameter drawn independently from its range, from the search's seed. */
    RANDOM,
    /** GridSearchCandidateGenerator (sequential): every combination, continuous ranges cut into grid_points values. */
    GRID;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
