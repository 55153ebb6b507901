package lab.core.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * One named entry of experiments.yaml. Its {@code kind} key picks the record it binds to; the
 * kinds are registered by whoever loads the file ({@link ExperimentsFile#load}).
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.PROPERTY, property = "kind")
public interface ExperimentSpec {
    /** One line for tables and listings; may be empty. */
    String description();
}
