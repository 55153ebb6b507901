package lab.cnn.experiment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.monitor.LayerStatsListener;
import lab.core.UserError;
import org.deeplearning4j.core.storage.StatsStorage;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.ui.model.stats.StatsListener;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsInitializationConfiguration;
import org.deeplearning4j.ui.model.stats.impl.DefaultStatsUpdateConfiguration;
import org.deeplearning4j.ui.model.storage.FileStatsStorage;

/**
 * What watches a cnn run: the project's per-layer statistics ({@code runs/NAME/layer-stats.csv},
 * from the first 50 validation images) and DL4J's StatsListener, whose histograms of parameters,
 * gradients, updates and activations go to {@code runs/NAME/ui-stats.dl4j} for the training UI.
 */
final class RunMonitor implements AutoCloseable {
    static final String UI_STATS = "ui-stats.dl4j";
    static final String LAYER_STATS = "layer-stats.csv";

    private final LayerStatsListener layerStats;
    private final StatsStorage storage;

    private RunMonitor(LayerStatsListener layerStats, StatsStorage storage) {
        this.layerStats = layerStats;
        this.storage = storage;
    }

    static RunMonitor attach(String name, MultiLayerNetwork net, CnnExperiment spec, CnnData data, Path runDir) {
        int every = spec.monitorEvery();
        ImageDataSetIterator fixed = ImageDataSetIterator.inOrder(data.validation().split(), 50,
                data.validation().totalOutcomes());
        LayerStatsListener layerStats = new LayerStatsListener(fixed.next().getFeatures(), every,
                spec.iterationsPerEpoch(data.trainCount()), runDir.resolve(LAYER_STATS));
        Path file = runDir.resolve(UI_STATS);
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw UserError.runtime(file + ": cannot replace: " + e.getMessage());
        }
        StatsStorage storage = new FileStatsStorage(file.toFile());
        StatsListener ui = new StatsListener(storage, new DefaultStatsInitializationConfiguration(true, true, true),
                new DefaultStatsUpdateConfiguration.Builder().reportingFrequency(every)
                        .collectHistogramsParameters(true).collectHistogramsGradients(true)
                        .collectHistogramsUpdates(true).collectHistogramsActivations(true).numHistogramBins(20)
                        .build(), name, "0");
        net.addListeners(layerStats, ui);
        return new RunMonitor(layerStats, storage);
    }

    StatsStorage storage() {
        return storage;
    }

    @Override
    public void close() {
        layerStats.close();
        try {
            storage.close();
        } catch (IOException e) {
            throw UserError.runtime("cannot close the UI stats file: " + e.getMessage());
        }
    }
}
