package lab.core.kind;

import java.util.Objects;
import lab.core.config.ExperimentSpec;

/**
 * One {@code kind:} of experiments.yaml: its name, the record an entry of that kind binds to, and
 * what runs it. Declared by the module that owns the kind, in its {@link KindProvider}.
 *
 * @param <S> the spec record
 */
public record ExperimentKind<S extends ExperimentSpec>(String name, Class<S> spec, Runner<S> runner,
                                                        boolean takesArguments) {
    /** Runs one experiment of the kind. */
    @FunctionalInterface
    public interface Runner<S extends ExperimentSpec> {
        void run(String experiment, S spec, RunContext ctx);
    }

    public ExperimentKind {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(runner, "runner");
    }

    public static <S extends ExperimentSpec> ExperimentKind<S> of(String name, Class<S> spec, Runner<S> runner) {
        return new ExperimentKind<>(name, spec, runner, false);
    }

    /** A kind that reads command-line arguments of its own ({@link RunContext#arguments()}), e.g. files to predict. */
    public static <S extends ExperimentSpec> ExperimentKind<S> withArguments(String name, Class<S> spec,
                                                                            Runner<S> runner) {
        return new ExperimentKind<>(name, spec, runner, true);
    }

    /** Runs {@code spec}, which must be of this kind's record type. */
    public void run(String experiment, ExperimentSpec spec, RunContext ctx) {
        runner.run(experiment, this.spec.cast(spec), ctx);
    }
}
