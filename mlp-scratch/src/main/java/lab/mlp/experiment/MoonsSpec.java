package lab.mlp.experiment;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.nio.file.Path;
import lab.core.config.Check;
import lab.mlp.data.Dataset;
import lab.mlp.data.ToyData;

/** {@code type: moons}: scikit-learn's make_moons; defaults 200 points, noise 0.2, seed 0. */
@JsonTypeName("moons")
public record MoonsSpec(Integer n, Double noise, Long seed) implements DatasetSpec, GeneratedSpec {
    public MoonsSpec {
        n = Check.positive("n", n, 200);
        noise = Check.nonNegative("noise", noise, 0.2);
        seed = seed == null ? 0L : seed;
    }

    @Override
    public Dataset load(Path baseDir) {
        return ToyData.moons(n, noise, seed);
    }

    @Override
    public MoonsSpec withN(int n) {
        return new MoonsSpec(n, noise, seed);
    }

    @Override
    public Dataset heldOut(Path baseDir) {
        return ToyData.moons(TEST_POINTS, noise, seed + 1);
    }

    @Override
    public String describe() {
        return "moons n=" + n + " noise=" + noise + " seed=" + seed;
    }
}
