package lab.mlp.experiment;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.nio.file.Path;
import lab.core.config.Check;
import lab.core.config.InvalidValue;
import lab.mlp.data.CsvDataset;
import lab.mlp.data.Dataset;

/**
 * {@code type: csv}: a CSV file (header row, numeric feature columns, integer label last),
 * {@code path} relative to the experiments file.
 */
@JsonTypeName("csv")
public record CsvSpec(String path) implements DatasetSpec {
    public CsvSpec {
        path = Check.required("path", path);
        if (path.isBlank()) {
            throw new InvalidValue("path", "must name a CSV file");
        }
    }

    @Override
    public Dataset load(Path baseDir) {
        return CsvDataset.load(baseDir.resolve(path).normalize());
    }

    @Override
    public String describe() {
        return "csv " + path;
    }
}
