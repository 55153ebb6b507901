package lab.cnn.experiment;

import lab.core.config.ExperimentSpec;

/**
 * {@code kind: digit-examples}: writes the example digit pictures for {@code predict}: the first
 * test image of each class of {@code dataset} and the hand-drawn ones.
 *
 * @param dir where they go, relative to the experiments file (default {@code examples})
 */
public record DigitExamples(String description, CnnDataset dataset, String dir) implements ExperimentSpec {
    public DigitExamples {
        description = description == null ? "" : description;
        dataset = dataset == null ? CnnDataset.mnist() : dataset;
        dir = dir == null ? "examples" : dir;
    }
}
