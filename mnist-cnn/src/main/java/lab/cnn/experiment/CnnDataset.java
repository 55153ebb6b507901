package lab.cnn.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Locale;
import lab.core.config.Check;
import lab.core.config.InvalidValue;

/**
 * {@code dataset:} of a cnn experiment: MNIST (found, fetched and checksum-verified by the
 * project) or any directory of the four IDX files, raw or gzipped (e.g. Fashion-MNIST).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CnnDataset(Type type, String path) {

    public enum Type {
        MNIST, IDX;

        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static CnnDataset mnist() {
        return new CnnDataset(Type.MNIST, null);
    }

    public CnnDataset {
        type = Check.required("type", type);
        if (type == Type.IDX && (path == null || path.isBlank())) {
            throw new InvalidValue("path", "is required for type idx (a directory holding the four IDX files)");
        }
        if (type == Type.MNIST && path != null) {
            throw new InvalidValue("path", "does not apply to type mnist (use -Dmnist.dir to point at MNIST files)");
        }
    }
}
