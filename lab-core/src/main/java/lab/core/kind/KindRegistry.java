package lab.core.kind;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import lab.core.UserError;
import lab.core.config.ExperimentSpec;

/** Every known experiment kind by name; a name or a spec record claimed twice is refused at start. */
public final class KindRegistry {
    private final Map<String, ExperimentKind<?>> byName;

    public KindRegistry(List<ExperimentKind<?>> kinds) {
        Map<String, ExperimentKind<?>> names = new LinkedHashMap<>();
        Map<Class<?>, String> specs = new LinkedHashMap<>();
        for (ExperimentKind<?> kind : kinds) {
            ExperimentKind<?> before = names.putIfAbsent(kind.name(), kind);
            if (before != null) {
                throw new IllegalStateException("kind '" + kind.name() + "' is declared twice: for "
                        + before.spec().getName() + " and " + kind.spec().getName());
            }
            String other = specs.putIfAbsent(kind.spec(), kind.name());
            if (other != null) {
                throw new IllegalStateException(kind.spec().getName() + " is the record of two kinds: '" + other
                        + "' and '" + kind.name() + "'");
            }
        }
        this.byName = Collections.unmodifiableMap(names);
    }

    /** The kinds of every module on the class path, in class-path order. */
    public static KindRegistry discover() {
        List<ExperimentKind<?>> kinds = ServiceLoader.load(KindProvider.class, KindRegistry.class.getClassLoader())
                .stream().flatMap(p -> p.get().kinds().stream()).toList();
        return new KindRegistry(kinds);
    }

    /** Name to record type, what {@link lab.core.config.ExperimentsFile} binds with. */
    public Map<String, Class<? extends ExperimentSpec>> specTypes() {
        Map<String, Class<? extends ExperimentSpec>> types = new LinkedHashMap<>();
        byName.forEach((name, kind) -> types.put(name, kind.spec()));
        return types;
    }

    public Map<String, ExperimentKind<?>> all() {
        return byName;
    }

    /** Runs {@code spec} with the runner of the kind whose record it is. */
    public void run(String experiment, ExperimentSpec spec, RunContext ctx) {
        checkArguments(experiment, spec, ctx.arguments());
        kindOf(spec).run(experiment, spec, ctx);
    }

    /** Arguments are a usage mistake for a kind that takes none (checked before anything starts). */
    public void checkArguments(String experiment, ExperimentSpec spec, List<String> arguments) {
        ExperimentKind<?> kind = kindOf(spec);
        if (!arguments.isEmpty() && !kind.takesArguments()) {
            throw UserError.usage("unknown option or argument for " + experiment + ": " + String.join(" ", arguments)
                    + " (kind " + kind.name() + " takes no arguments of its own; see --help)");
        }
    }

    private ExperimentKind<?> kindOf(ExperimentSpec spec) {
        for (ExperimentKind<?> kind : byName.values()) {
            if (kind.spec() == spec.getClass()) {
                return kind;
            }
        }
        throw new IllegalStateException("no kind runs " + spec.getClass().getName());
    }
}
