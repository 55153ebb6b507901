package lab.cnn.experiment;

import java.nio.file.Path;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.monitor.LayerStatsListener;
import lab.cnn.monitor.TensorBoardMonitor;
import lab.cnn.monitor.UiServerSupport;
import lab.cnn.monitor.UiStats;
import lab.cnn.train.TrainingObserver;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What watches a cnn run: its TensorBoard log ({@code runs/NAME/tensorboard/}, every run) and, on
 * a monitored run ({@code monitor_every} > 0), the project's per-layer statistics
 * ({@code runs/NAME/layer-stats.csv}, from the first 50 validation images, which also become
 * TensorBoard histograms), DL4J's StatsListener ({@code runs/NAME/ui-stats.dl4j}, for the
 * training UI), and with {@code -Dui=true} the UI itself, live, for the run's duration.
 */
final class RunMonitor implements AutoCloseable {
    static final String LAYER_STATS = "layer-stats.csv";
    /** {@code -Dui=true} opens the training UI while a cnn run trains. */
    static final String UI_PROPERTY = "ui";
    private static final Logger LOG = LoggerFactory.getLogger(RunMonitor.class);

    private final TensorBoardMonitor tensorBoard;
    private final LayerStatsListener layerStats;
    private final UiStats uiStats;
    private final UiServerSupport ui;

    private RunMonitor(TensorBoardMonitor tensorBoard, LayerStatsListener layerStats, UiStats uiStats,
                       UiServerSupport ui) {
        this.tensorBoard = tensorBoard;
        this.layerStats = layerStats;
        this.uiStats = uiStats;
        this.ui = ui;
    }

    /** For {@code CnnTrainer.observe}: the loss points and evaluations go to TensorBoard. */
    TrainingObserver observer() {
        return tensorBoard;
    }

    /** With {@code -Dui=true} on a monitored run: fails with one line if the UI's host or port cannot be bound. */
    static void checkUi(CnnExperiment spec) {
        if (spec.monitorEvery() > 0 && Boolean.getBoolean(UI_PROPERTY)) {
            UiServerSupport.checkAvailable(UiServerSupport.configuredHost(), UiServerSupport.configuredPort());
        }
    }

    static RunMonitor attach(String name, MultiLayerNetwork net, CnnExperiment spec, CnnData data, Path runDir) {
        return attach(name, net, spec, data, runDir, -1);
    }

    /** @param resumedAt the iteration a resumed run continues from (its logs are continued), or -1 */
    static RunMonitor attach(String name, MultiLayerNetwork net, CnnExperiment spec, CnnData data, Path runDir,
                             long resumedAt) {
        TensorBoardMonitor tensorBoard = TensorBoardMonitor.open(runDir.resolve(TensorBoardMonitor.DIRECTORY), net,
                resumedAt);
        int every = spec.monitorEvery();
        if (every <= 0) {
            return new RunMonitor(tensorBoard, null, null, null);
        }
        ImageDataSetIterator fixed = ImageDataSetIterator.inOrder(data.validation().split(), 50,
                data.validation().totalOutcomes());
        UiServerSupport ui = null;
        UiStats uiStats = UiStats.create(runDir, name, every, resumedAt >= 0);
        if (Boolean.getBoolean(UI_PROPERTY)) {
            ui = UiServerSupport.start(uiStats.storage());
            LOG.info("{}: training UI at {} (it closes when the run ends; -Dexp=ui browses saved runs)", name,
                    ui.overviewUrl());
        }
        LayerStatsListener layerStats = new LayerStatsListener(fixed.next().getFeatures(), every,
                spec.iterationsPerEpoch(data.trainCount()), runDir.resolve(LAYER_STATS), resumedAt)
                .alsoTo(tensorBoard);
        net.addListeners(layerStats, uiStats.listener());
        return new RunMonitor(tensorBoard, layerStats, uiStats, ui);
    }

    @Override
    public void close() {
        try {
            if (layerStats != null) {
                layerStats.close();
            }
            if (ui != null) {
                ui.close();
            }
            if (uiStats != null) {
                uiStats.close();
            }
        } finally {
            tensorBoard.close();
        }
    }
}
