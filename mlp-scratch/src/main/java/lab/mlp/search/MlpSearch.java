package lab.mlp.search;

import lab.core.config.Check;
import lab.core.config.ExperimentSpec;
import lab.core.engine.Engine;
import lab.core.search.Generator;
import lab.core.search.SearchPlan;

/**
 * {@code kind: mlp-search}: a hyperparameter search over the mlp experiment {@code base}, on
 * Arbiter's generic API like {@code kind: search}. Candidates are n-layer networks trained by the
 * project's from-scratch trainer, all from the base's seed. The base's dataset generator draws
 * three times its n points: a third trains, a third scores every candidate (validation
 * accuracy), a third tests the winner only.
 *
 * @param passes training length of each candidate (overrides the base's)
 * @param engine where candidates train: local (default) or spark (each a Spark task); {@code -Dengine} overrides it
 */
public record MlpSearch(String description, String base, Generator generator, Integer gridPoints, Long seed,
                        Integer maxCandidates, Double maxMinutes, Integer parallelism, Integer passes,
                        MlpSearchParameters parameters, Engine engine) implements ExperimentSpec {

    public MlpSearch {
        description = description == null ? "" : description;
        base = Check.required("base", base);
        SearchPlan.of(generator, gridPoints, seed, maxCandidates, maxMinutes, parallelism);
        if (passes != null) {
            Check.positive("passes", passes, 1);
        }
        parameters = Check.required("parameters", parameters);
    }

    public SearchPlan plan() {
        return SearchPlan.of(generator, gridPoints, seed, maxCandidates, maxMinutes, parallelism);
    }
}
