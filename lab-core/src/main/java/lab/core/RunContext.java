package lab.core;

import java.nio.file.Path;
import lab.core.config.ExperimentsFile;

/**
 * What every experiment runner gets besides its own spec.
 *
 * @param experiments    the whole file, for experiments that refer to others
 * @param experimentsDir relative paths in the file (datasets) resolve against this directory
 * @param resultsDir     results go under this directory ({@code -Dresults.dir})
 */
public record RunContext(ExperimentsFile experiments, Path experimentsDir, Path resultsDir) {
}
