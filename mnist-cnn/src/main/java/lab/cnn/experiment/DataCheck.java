package lab.cnn.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
import lab.core.config.ExperimentSpec;

/**
 * {@code kind: data}: finds (or fetches) and verifies a cnn dataset without training, e.g. so
 * that CI has MNIST before the tests run.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataCheck(String description, CnnDataset dataset) implements ExperimentSpec {
    public DataCheck {
        description = description == null ? "" : description;
        dataset = dataset == null ? CnnDataset.mnist() : dataset;
    }
}
