package lab.cnn.experiment;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.nio.file.Path;
import lab.cnn.data.MnistData;
import lab.cnn.data.MnistFiles;
import lab.core.kind.RunContext;

/**
 * {@code type: mnist}: MNIST itself, found in -Dmnist.dir, the cache or DL4J's cache, else
 * fetched, and checksum-verified. No keys: {@code -Dmnist.dir} points at other copies.
 */
@JsonTypeName("mnist")
public record MnistDataset() implements CnnDataset {
    @Override
    public Path locate(String experiment, RunContext ctx) {
        return new MnistFiles(ctx.cacheDir().resolve("mnist")).locate();
    }

    @Override
    public String name(Path dir) {
        return "MNIST";
    }

    @Override
    public int classCount() {
        return MnistData.NUM_CLASSES;
    }
}
