/**
 * Watching a cnn run. The DL4J training UI (deeplearning4j-ui 1.0.0-M2.1):
 * {@link lab.cnn.monitor.UiStats} records a run's stats into {@code <run>/ui-stats.dl4j},
 * {@link lab.cnn.monitor.UiServerSupport} starts and stops the UI server ({@code -Dui.host},
 * {@code -Dui.port}; M2.1 always listens on all interfaces), {@link lab.cnn.monitor.SavedRunsBrowser}
 * serves every saved run in multi-session mode. The project's own per-layer statistics
 * ({@link lab.cnn.monitor.LayerStatsListener}) and the TensorBoard log
 * ({@link lab.cnn.monitor.TensorBoardMonitor}, through {@code lab.core.tensorboard}, fed by the
 * training loop's {@code TrainingObserver} calls and by the layer statistics' values).
 */
package lab.cnn.monitor;
