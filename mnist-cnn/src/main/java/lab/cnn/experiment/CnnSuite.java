package lab.cnn.experiment;

import java.util.List;
import lab.core.config.Check;
import lab.core.config.ExperimentSpec;

/** {@code kind: cnn-suite}: trains the listed cnn experiments one after the other. */
public record CnnSuite(String description, List<String> runs) implements ExperimentSpec {
    public CnnSuite {
        description = description == null ? "" : description;
        runs = Check.nonEmpty("runs", runs);
    }
}
