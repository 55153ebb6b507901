package lab.core.search;

import lab.core.config.InvalidValue;

/**
 * How a search runs, whatever it searches: the generator, its budget and its parallelism.
 *
 * @param generator     random or grid
 * @param gridPoints    grid only: values tried of each continuous range (and at most of each integer range)
 * @param seed          the random generator's seed (the same seed gives the same candidates)
 * @param maxCandidates at most this many candidates (null: no limit, i.e. the whole grid)
 * @param maxMinutes    no candidate starts after this many minutes (running ones finish; null: no limit)
 * @param parallelism   candidates trained at the same time
 */
public record SearchPlan(Generator generator, int gridPoints, long seed, Integer maxCandidates, Double maxMinutes,
                         int parallelism) {

    public static final int DEFAULT_GRID_POINTS = 3;
    public static final int MAX_PARALLELISM = 16;

    /** The checks every kind of search shares; each failure names its key. */
    public static SearchPlan of(Generator generator, Integer gridPoints, Long seed, Integer maxCandidates,
                                Double maxMinutes, Integer parallelism) {
        generator = generator == null ? Generator.RANDOM : generator;
        if (gridPoints != null && generator != Generator.GRID) {
            throw new InvalidValue("grid_points", "only applies with generator grid");
        }
        int points = gridPoints == null ? DEFAULT_GRID_POINTS : gridPoints;
        if (points < 2) {
            throw new InvalidValue("grid_points", "must be >= 2, got " + points);
        }
        if (maxCandidates != null && maxCandidates <= 0) {
            throw new InvalidValue("max_candidates", "must be > 0, got " + maxCandidates);
        }
        if (maxMinutes != null && !(maxMinutes > 0 && Double.isFinite(maxMinutes))) {
            throw new InvalidValue("max_minutes", "must be a finite number > 0, got " + maxMinutes);
        }
        if (generator == Generator.RANDOM && maxCandidates == null && maxMinutes == null) {
            throw new InvalidValue("max_candidates", "is required for generator random (or give max_minutes)");
        }
        int threads = parallelism == null ? 1 : parallelism;
        if (threads < 1 || threads > MAX_PARALLELISM) {
            throw new InvalidValue("parallelism", "must be between 1 and " + MAX_PARALLELISM + ", got " + threads);
        }
        return new SearchPlan(generator, points, seed == null ? 0L : seed, maxCandidates, maxMinutes, threads);
    }
}
