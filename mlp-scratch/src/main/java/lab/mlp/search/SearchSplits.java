package lab.mlp.search;

import java.util.Arrays;
import java.util.List;
import lab.core.kind.RunContext;
import lab.mlp.data.Dataset;
import lab.mlp.experiment.DatasetSpec;
import lab.mlp.experiment.GeneratedSpec;

/**
 * Train, validation and test points for an mlp search: the base's generator (moons, circles,
 * blobs) asked for three times its n points with the base's seed (shuffled by the generator),
 * cut into three equal parts. Same distribution, disjoint points: a toy dataset of 200 points has
 * nothing to hold out, and a CSV file has no generator, so CSV datasets are refused.
 */
record SearchSplits(Dataset train, Dataset validation, Dataset test) {

    static SearchSplits of(String base, DatasetSpec spec, RunContext ctx) {
        if (!(spec instanceof GeneratedSpec generated)) {
            throw ctx.experiments().error(List.of("experiments", base, "dataset", "type"),
                    "an mlp search needs a generated dataset (moons, circles or blobs) to draw validation and test "
                            + "points from, not " + spec.typeName());
        }
        int n = generated.n();
        Dataset all = generated.withN(3 * n).load(ctx.experimentsDir());
        return new SearchSplits(slice(all, 0, n, "train"), slice(all, n, n, "validation"),
                slice(all, 2 * n, n, "test"));
    }

    private static Dataset slice(Dataset all, int from, int count, String part) {
        int d = all.numFeatures();
        return new Dataset(all.name() + " " + part + " " + (from + 1) + ".." + (from + count), count, d,
                all.numClasses(), Arrays.copyOfRange(all.features(), from * d, (from + count) * d),
                Arrays.copyOfRange(all.labels(), from, from + count), all.classNames());
    }
}
