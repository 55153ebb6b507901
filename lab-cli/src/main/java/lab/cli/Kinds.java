package lab.cli;

import java.util.List;
import java.util.Map;
import lab.core.kind.RunContext;
import lab.core.config.ExperimentSpec;
import lab.core.kind.KindRegistry;

/** Every {@code kind:} of experiments.yaml, as the modules on the class path declare them. */
final class Kinds {
    private static final KindRegistry REGISTRY = KindRegistry.discover();

    private Kinds() {
    }

    static Map<String, Class<? extends ExperimentSpec>> all() {
        return REGISTRY.specTypes();
    }

    static void run(String name, ExperimentSpec spec, RunContext ctx) {
        REGISTRY.run(name, spec, ctx);
    }

    static void checkArguments(String name, ExperimentSpec spec, List<String> arguments) {
        REGISTRY.checkArguments(name, spec, arguments);
    }
}
