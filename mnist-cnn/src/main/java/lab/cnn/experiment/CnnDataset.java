package lab.cnn.experiment;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.nio.file.Path;
import lab.cnn.data.MnistData;
import lab.core.kind.RunContext;

/**
 * The {@code dataset:} of a cnn experiment; its {@code type:} picks the record (named by its
 * {@code @JsonTypeName}), which has only its own keys. The images' geometry (height, width,
 * channels) comes from the IDX header, the number of classes from the type: the network is built
 * for both. A new type is a new record plus its name in {@code permits}.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "type")
public sealed interface CnnDataset permits MnistDataset, IdxDataset {

    static CnnDataset mnist() {
        return new MnistDataset();
    }

    /** The directory of the four IDX files, found (or fetched) and checked; {@code experiment} names config errors. */
    Path locate(String experiment, RunContext ctx);

    /** "MNIST" or "IDX &lt;directory name&gt;", for logs and metrics. */
    String name(Path dir);

    /** Labels lie in 0..classes-1, and the network has this many outputs. */
    int classCount();

    /** The images of {@code dir} (from {@link #locate}), split 55k/5k/10k style, labels checked against {@link #classCount}. */
    default MnistData load(Path dir) {
        return MnistData.load(dir, MnistData.VALIDATION_SIZE, classCount());
    }
}
