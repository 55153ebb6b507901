package lab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import lab.cnn.backend.NativeVariant;
import lab.core.kind.RunContext;
import lab.core.UserError;
import lab.core.config.ExperimentSpec;
import lab.core.config.ExperimentsFile;
import lab.core.cpu.IsaBound;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Unmatched;

/**
 * Runs one named experiment of experiments.yaml. Through Maven the options come as system
 * properties ({@code mvn -q compile exec:java -Dexp=NAME}); with java they can be flags.
 * A user mistake prints one line and exits 2 (usage, config) or 1 (data, I/O); never a stack trace.
 * Arguments that are not these options go to the experiment ({@code -Dexp=predict -Dexec.args="FILE..."}).
 */
@Command(name = "dl4j-lab", mixinStandardHelpOptions = true,
        description = "Runs one experiment named in experiments.yaml.")
public final class Main implements Callable<Integer> {

    @Option(names = {"-e", "--exp"}, defaultValue = "${sys:exp}", description = "experiment name (-Dexp)")
    String experiment;

    @Option(names = "--experiments", defaultValue = "${sys:experiments}",
            description = "experiments file (-Dexperiments; default: experiments.yaml at the project root)")
    Path experimentsFile;

    @Option(names = "--results-dir", defaultValue = "${sys:results.dir}",
            description = "results directory (-Dresults.dir; default: results/ at the project root)")
    Path resultsDir;

    @Option(names = "--runs-dir", defaultValue = "${sys:runs.dir}",
            description = "models and training stats (-Druns.dir; default: runs/ at the project root)")
    Path runsDir;

    @Option(names = "--cache-dir", defaultValue = "${sys:cache.dir}",
            description = "downloaded datasets (-Dcache.dir; default: data/ at the project root)")
    Path cacheDir;

    @Option(names = "--resume", arity = "1", defaultValue = "${sys:resume:-true}",
            description = "continue an interrupted cnn run from its newest checkpoint (-Dresume; default true)")
    boolean resume;

    @Option(names = "--list", description = "list the experiments and exit")
    boolean list;

    /** Everything else on the command line: the experiment's own arguments (only kinds declared with ExperimentKind.withArguments, e.g. predict, take any). */
    @Unmatched
    List<String> kindArgs = new ArrayList<>();

    public static void main(String[] args) {
        int code = execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** Runs and returns the exit code (tests call this). */
    static int execute(String... args) {
        NativeVariant.select(); // before anything loads ND4J
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof UserError user) {
                System.err.println("error: " + user.getMessage());
                return user.exitCode();
            }
            Optional<String> memory = OutOfMemory.describe(e); // ND4J wraps JavaCPP's OutOfMemoryError
            if (memory.isPresent()) {
                System.err.println("error: " + memory.get());
                return UserError.RUNTIME;
            }
            throw e;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            System.err.println("error: " + e.getMessage() + " (see --help)");
            return UserError.USAGE;
        });
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("error: " + OutOfMemory.describe(e).orElseThrow());
            return UserError.RUNTIME;
        }
    }

    @Override
    public Integer call() {
        if ((experiment == null || experiment.isBlank()) && !kindArgs.isEmpty()) {
            // Without an experiment nothing can take them: a mistyped option, as picocli would say.
            throw UserError.usage("unknown option or argument: " + String.join(" ", kindArgs) + " (see --help)");
        }
        Path root = projectRoot();
        Path file = experimentsFile != null ? experimentsFile : root.resolve("experiments.yaml");
        ExperimentsFile experiments = ExperimentsFile.load(file, Kinds.all());
        if (list) {
            experiments.all().forEach((name, spec) -> System.out.printf("%-28s %s%n", name, spec.description()));
            return 0;
        }
        if (experiment == null || experiment.isBlank()) {
            throw UserError.usage("no experiment given: run with -Dexp=NAME (known: "
                    + String.join(", ", experiments.names()) + ")");
        }
        ExperimentSpec spec = experiments.get(experiment);
        Kinds.checkArguments(experiment, spec, kindArgs); // before an isa relaunch, which drops them
        if (spec instanceof IsaBound bound && !bound.isa().activeHere()) {
            return IsaRelaunch.run(bound.isa(), ownOptions());
        }
        Path results = resultsDir != null ? resultsDir : root.resolve("results");
        Path base = file.toAbsolutePath().getParent();
        Kinds.run(experiment, spec, new RunContext(experiments, base, results,
                runsDir != null ? runsDir : root.resolve("runs"), cacheDir != null ? cacheDir : root.resolve("data"),
                resume, kindArgs));
        return 0;
    }

    /** This run's options as flags, for the same run in another JVM. */
    private List<String> ownOptions() {
        List<String> args = new ArrayList<>(List.of("--exp", experiment, "--resume", Boolean.toString(resume)));
        Object[][] paths = {{"--experiments", experimentsFile}, {"--results-dir", resultsDir}, {"--runs-dir", runsDir},
            {"--cache-dir", cacheDir}};
        for (Object[] option : paths) {
            if (option[1] != null) {
                args.add((String) option[0]);
                args.add(((Path) option[1]).toAbsolutePath().toString());
            }
        }
        return args;
    }

    /** Maven's top directory when run through Maven (so results land there from any module), else the working directory. */
    static Path projectRoot() {
        String mavenRoot = System.getProperty("maven.multiModuleProjectDirectory");
        if (mavenRoot != null && Files.isRegularFile(Path.of(mavenRoot, "experiments.yaml"))) {
            return Path.of(mavenRoot);
        }
        return Path.of("").toAbsolutePath();
    }
}
