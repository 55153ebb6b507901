/**
 * The seam for experiment kinds: a module declares its kinds (name, spec record, runner) in one
 * {@link lab.core.kind.KindProvider}; the registry collects them through {@link java.util.ServiceLoader}.
 * {@link lab.core.kind.RunContext} is what a runner gets besides its spec.
 * Uses only {@code lab.core} and {@code lab.core.config}.
 */
package lab.core.kind;
