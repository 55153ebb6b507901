package lab.mlp.experiment;

import java.nio.file.Path;
import lab.mlp.data.Dataset;

/**
 * A dataset type drawn by a seeded generator, which can be asked for more points of the same
 * distribution (the mlp search draws its train, validation and test points this way).
 */
public interface GeneratedSpec {
    Integer n();

    /** Points an mlp run is tested on: {@value #TEST_POINTS} of them. */
    int TEST_POINTS = 1000;

    /** The same generator, settings and seed asked for {@code n} points. */
    DatasetSpec withN(int n);

    /**
     * Held-out points of the same distribution: {@value #TEST_POINTS} points from the same generator
     * and settings with seed + 1 (for blobs, the centres still come from the seed), so none of them
     * is a training point and their noise is independent of it.
     */
    Dataset heldOut(Path baseDir);
}
