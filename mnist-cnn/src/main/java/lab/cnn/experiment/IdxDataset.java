package lab.cnn.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonTypeName;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.cnn.data.MnistData;
import lab.core.kind.RunContext;
import lab.core.config.InvalidValue;

/**
 * {@code type: idx}: any directory of the four MNIST-named IDX files, raw or gzipped (e.g.
 * Fashion-MNIST, EMNIST), grey (N x H x W) or colour (N x H x W x C); {@code path} relative to the
 * experiments file. The image size comes from the files; the number of classes is declared
 * ({@code classes}, default 10) rather than taken as the largest label + 1: a label file carries no
 * class count, a subset missing the top class would silently get a smaller output layer, and a
 * corrupt label byte would become a class instead of an error. Absent keys stay absent (null) so
 * the config echo of an existing experiment, and its checkpoints' fingerprint, do not change.
 */
@JsonTypeName("idx")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdxDataset(String path, Integer classes) implements CnnDataset {
    public IdxDataset {
        if (path == null || path.isBlank()) {
            throw new InvalidValue("path", "is required for type idx (a directory holding the four IDX files)");
        }
        if (classes != null && (classes < 2 || classes > 256)) {
            throw new InvalidValue("classes", "must be 2..256 (labels are single bytes), got " + classes);
        }
    }

    @Override
    public Path locate(String experiment, RunContext ctx) {
        Path dir = ctx.experimentsDir().resolve(path).normalize();
        if (!Files.isDirectory(dir)) {
            throw ctx.experiments().error(List.of("experiments", experiment, "dataset", "path"),
                    dir + " is not a directory (expected a directory holding the four IDX files)");
        }
        return dir;
    }

    @Override
    public String name(Path dir) {
        return "IDX " + dir.getFileName();
    }

    /** The declared number of classes, 10 if none. */
    @Override
    public int classCount() {
        return classes == null ? MnistData.NUM_CLASSES : classes;
    }
}
