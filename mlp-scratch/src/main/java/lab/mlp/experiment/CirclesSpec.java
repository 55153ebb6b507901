package lab.mlp.experiment;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.nio.file.Path;
import lab.core.config.Check;
import lab.mlp.data.Dataset;
import lab.mlp.data.ToyData;

/**
 * {@code type: circles}: scikit-learn's make_circles; defaults 200 points, noise 0.1, factor 0.5
 * (inner radius over outer), seed 0. Components in the order metrics.json has always echoed them.
 */
@JsonTypeName("circles")
public record CirclesSpec(Integer n, Double noise, Long seed, Double factor) implements DatasetSpec, GeneratedSpec {
    public CirclesSpec {
        n = Check.positive("n", n, 200);
        seed = seed == null ? 0L : seed;
        noise = Check.nonNegative("noise", noise, 0.1);
        factor = Check.inRange("factor", factor, 0.5, 0.01, 0.99);
    }

    @Override
    public Dataset load(Path baseDir) {
        return ToyData.circles(n, noise, factor, seed);
    }

    @Override
    public CirclesSpec withN(int n) {
        return new CirclesSpec(n, noise, seed, factor);
    }

    @Override
    public Dataset heldOut(Path baseDir) {
        return ToyData.circles(TEST_POINTS, noise, factor, seed + 1);
    }

    @Override
    public String describe() {
        return "circles n=" + n + " noise=" + noise + " factor=" + factor + " seed=" + seed;
    }
}
