package lab.core.kind;

import java.util.List;

/**
 * A module's experiment kinds. Each module declares its one implementation in
 * {@code META-INF/services/lab.core.kind.KindProvider}; the CLI collects them all
 * ({@link KindRegistry#discover()}), so adding a kind touches only its own module.
 */
public interface KindProvider {
    List<ExperimentKind<?>> kinds();
}
