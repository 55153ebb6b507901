package lab.mlp.experiment;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.nio.file.Path;
import lab.core.config.Check;
import lab.core.config.InvalidValue;
import lab.mlp.data.Dataset;
import lab.mlp.data.ToyData;

/**
 * {@code type: blobs}: scikit-learn's make_blobs; defaults 200 points, 2 centers, std 1.0, seed 0.
 * Components in the order metrics.json has always echoed them.
 */
@JsonTypeName("blobs")
public record BlobsSpec(Integer n, Long seed, Integer centers, Double std) implements DatasetSpec, GeneratedSpec {
    public BlobsSpec {
        n = Check.positive("n", n, 200);
        seed = seed == null ? 0L : seed;
        centers = Check.positive("centers", centers, 2);
        std = Check.positive("std", std, 1.0);
        if (centers > n) {
            throw new InvalidValue("centers", "must be <= n (" + n + "), got " + centers);
        }
    }

    @Override
    public Dataset load(Path baseDir) {
        return ToyData.blobs(n, centers, std, seed);
    }

    @Override
    public BlobsSpec withN(int n) {
        return new BlobsSpec(n, seed, centers, std);
    }

    @Override
    public Dataset heldOut(Path baseDir) {
        return ToyData.blobs(TEST_POINTS, centers, std, seed, seed + 1);
    }

    @Override
    public String describe() {
        return "blobs n=" + n + " centers=" + centers + " std=" + std + " seed=" + seed;
    }
}
