package lab.cnn.experiment;

import lab.core.config.ExperimentSpec;

/** {@code kind: ui}: the DL4J training UI over every saved run, one session per run, until Ctrl-C. */
public record UiBrowse(String description) implements ExperimentSpec {
    public UiBrowse {
        description = description == null ? "" : description;
    }
}
