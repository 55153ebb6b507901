package lab.core.kind;

import java.nio.file.Path;
import java.util.List;
import lab.core.config.ExperimentsFile;

/**
 * What every experiment runner gets besides its own spec.
 *
 * @param experiments    the whole file, for experiments that refer to others
 * @param experimentsDir relative paths in the file (datasets) resolve against this directory
 * @param resultsDir     small committed reports go under this directory ({@code -Dresults.dir})
 * @param runsDir        models, checkpoints and stats of runs go here (git-ignored)
 * @param cacheDir       downloaded datasets go here (git-ignored)
 * @param resume         continue an interrupted training from its newest checkpoint ({@code -Dresume})
 * @param arguments      the experiment's own command-line arguments (only kinds declared
 *                       {@link ExperimentKind#withArguments} get any)
 */
public record RunContext(ExperimentsFile experiments, Path experimentsDir, Path resultsDir, Path runsDir,
                         Path cacheDir, boolean resume, List<String> arguments) {

    public RunContext {
        arguments = arguments == null ? List.of() : List.copyOf(arguments);
    }

    /** Without arguments of the experiment's own. */
    public RunContext(ExperimentsFile experiments, Path experimentsDir, Path resultsDir, Path runsDir, Path cacheDir,
                      boolean resume) {
        this(experiments, experimentsDir, resultsDir, runsDir, cacheDir, resume, List.of());
    }

    /** Resuming, the default. */
    public RunContext(ExperimentsFile experiments, Path experimentsDir, Path resultsDir, Path runsDir, Path cacheDir) {
        this(experiments, experimentsDir, resultsDir, runsDir, cacheDir, true);
    }
}
