package lab.cnn.search;

import lab.core.config.Check;
import lab.core.config.ExperimentSpec;
import lab.core.config.InvalidValue;
import lab.core.engine.Engine;
import lab.core.search.Generator;
import lab.core.search.SearchPlan;

/**
 * {@code kind: search}: a hyperparameter search over the cnn experiment {@code base}. Every
 * candidate is {@code base} with the sampled parameters and this search's training length; all
 * use the base's seed, so candidates differ only in the parameters. Score: validation accuracy;
 * only the winner is evaluated on the test set.
 *
 * @param base             the cnn experiment candidates start from
 * @param generator        random (default) or grid
 * @param gridPoints       grid only: values per continuous range (default 3)
 * @param seed             the generator's seed (not the networks': those use the base's)
 * @param maxCandidates    budget: at most this many candidates
 * @param maxMinutes       budget: no candidate starts after this many minutes
 * @param parallelism      candidates trained at once (default 1; above 1 each gets one native thread)
 * @param epochs           training length of each candidate (overrides the base's)
 * @param iterations       or exact mini-batch steps
 * @param trainImages      training images per candidate (overrides the base's)
 * @param validationImages validation images scoring each candidate (overrides the base's)
 * @param testImages       test images the winner is evaluated on (overrides the base's)
 * @param engine           where candidates train: local (default) or spark (each a Spark task); {@code -Dengine} overrides it
 */
public record CnnSearch(String description, String base, Generator generator, Integer gridPoints, Long seed,
                        Integer maxCandidates, Double maxMinutes, Integer parallelism, Double epochs,
                        Long iterations, Integer trainImages, Integer validationImages, Integer testImages,
                        CnnSearchParameters parameters, Engine engine) implements ExperimentSpec {

    public CnnSearch {
        description = description == null ? "" : description;
        base = Check.required("base", base);
        SearchPlan.of(generator, gridPoints, seed, maxCandidates, maxMinutes, parallelism);
        if (epochs != null && iterations != null) {
            throw new InvalidValue("iterations", "give epochs or iterations, not both");
        }
        if (epochs != null) {
            Check.positive("epochs", epochs, 1.0);
        }
        if (iterations != null && iterations <= 0) {
            throw new InvalidValue("iterations", "must be > 0, got " + iterations);
        }
        if (trainImages != null) {
            Check.positive("train_images", trainImages, 1);
        }
        if (validationImages != null) {
            Check.positive("validation_images", validationImages, 1);
        }
        if (testImages != null) {
            Check.positive("test_images", testImages, 1);
        }
        parameters = Check.required("parameters", parameters);
    }

    public SearchPlan plan() {
        return SearchPlan.of(generator, gridPoints, seed, maxCandidates, maxMinutes, parallelism);
    }
}
