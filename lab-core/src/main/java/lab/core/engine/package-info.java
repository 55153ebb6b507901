/**
 * Where independent tasks run (suite members, search candidates): {@link lab.core.engine.Engine}
 * {@code local} (this JVM, the default) or {@code spark}, whose {@link lab.core.engine.TaskEngine}
 * lives in the lab-spark module and is found through {@link java.util.ServiceLoader}, so nothing
 * here needs Spark. Tasks and what they return are {@link java.io.Serializable}; a
 * {@link lab.core.engine.RemoteContext} carries the run's settings to another JVM.
 * Uses only {@code lab.core} and {@code lab.core.config}.
 */
package lab.core.engine;
