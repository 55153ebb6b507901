package lab.mlp.experiment;

import java.nio.file.Path;
import lab.mlp.data.CsvDataset;
import lab.mlp.data.Dataset;
import lab.mlp.data.ToyData;

/** Builds the dataset a {@link DatasetSpec} describes. */
public final class Datasets {
    private Datasets() {
    }

    /** @param baseDir relative CSV paths resolve against this directory (the experiments file's) */
    public static Dataset load(DatasetSpec spec, Path baseDir) {
        return switch (spec.type()) {
            case MOONS -> ToyData.moons(spec.n(), spec.noise(), spec.seed());
            case CIRCLES -> ToyData.circles(spec.n(), spec.noise(), spec.factor(), spec.seed());
            case BLOBS -> ToyData.blobs(spec.n(), spec.centers(), spec.std(), spec.seed());
            case CSV -> CsvDataset.load(baseDir.resolve(spec.path()).normalize());
        };
    }
}
