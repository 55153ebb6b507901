package lab.cnn.monitor;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import lab.cnn.train.EvalPoint;
import lab.cnn.train.LossPoint;
import lab.cnn.train.TrainingObserver;
import lab.core.tensorboard.EventFiles;
import lab.core.tensorboard.EventWriter;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.LoggerFactory;

/**
 * A cnn run's TensorBoard log ({@code runs/NAME/tensorboard/}), step = training iteration:
 * <ul>
 * <li>scalars at every loss point: {@value #LOSS}, {@value #LEARNING_RATE}, {@value #IMAGES_PER_SECOND};
 * at every evaluation: {@value #VALIDATION_ERROR}, {@value #TEST_ERROR} (fractions, 0-1);</li>
 * <li>histograms {@code LAYER/QUANTITY} (conv1/W, conv1/b, conv1/net_input, conv1/activation,
 * conv1/pool, ... output/activation) from the values behind {@code layer-stats.csv}, handed over
 * by {@link LayerStatsListener#alsoTo} (monitored runs only);</li>
 * <li>images {@value #FILTERS} (the first layer's filters) at the start and every evaluation, and
 * {@value #MISCLASSIFIED} ({@link MisclassifiedDigits}) at every evaluation.</li>
 * </ul>
 * A fresh run deletes the directory's old event files; a resumed one trims them to its checkpoint
 * and marks the restart. Nothing here runs at a step that records nothing.
 */
public final class TensorBoardMonitor implements TrainingObserver, LayerStatsListener.Values, AutoCloseable {
    public static final String DIRECTORY = "tensorboard";
    public static final String LOSS = "train/loss";
    public static final String LEARNING_RATE = "train/learning_rate";
    public static final String IMAGES_PER_SECOND = "train/images_per_second";
    public static final String VALIDATION_ERROR = "eval/validation_error";
    public static final String TEST_ERROR = "eval/test_error";
    public static final String FILTERS = "images/conv1_filters";
    public static final String MISCLASSIFIED = "images/misclassified_test";

    private final EventWriter writer;

    private TensorBoardMonitor(EventWriter writer) {
        this.writer = writer;
    }

    /**
     * Opens {@code logDir} for a run starting over ({@code resumedAt} -1) or resumed at that
     * iteration, and writes the first layer's filters at the starting step.
     */
    public static TensorBoardMonitor open(Path logDir, MultiLayerNetwork net, long resumedAt) {
        if (resumedAt < 0) {
            EventFiles.deleteAll(logDir);
        } else {
            int dropped = EventFiles.keepUpTo(logDir, resumedAt);
            if (dropped > 0) {
                LoggerFactory.getLogger(TensorBoardMonitor.class).info("{}: {} TensorBoard records after iteration {} "
                        + "dropped (they are written again)", logDir, dropped, resumedAt);
            }
        }
        EventWriter writer = EventWriter.open(logDir);
        writer.sessionStart(resumedAt < 0 ? 0 : resumedAt + 1);
        TensorBoardMonitor monitor = new TensorBoardMonitor(writer);
        if (resumedAt < 0) {
            monitor.filters(net, 0);
        }
        writer.flush();
        return monitor;
    }

    public Path file() {
        return writer.file();
    }

    @Override
    public void lossRecorded(MultiLayerNetwork net, LossPoint point, double imagesPerSecond) {
        writer.scalar(LOSS, point.iteration(), point.loss());
        Double lr = learningRate(net);
        if (lr != null) {
            writer.scalar(LEARNING_RATE, point.iteration(), lr);
        }
        writer.scalar(IMAGES_PER_SECOND, point.iteration(), imagesPerSecond);
        writer.flush();
    }

    /** The first trainable layer's learning rate (every layer has the same one); null if none. */
    private static Double learningRate(MultiLayerNetwork net) {
        for (int i = 0; i < net.getnLayers(); i++) {
            if (net.getLayer(i).numParams() > 0) {
                return net.getLearningRate(i);
            }
        }
        return null;
    }

    @Override
    public void evaluated(MultiLayerNetwork net, EvalPoint point, DataSetIterator test) {
        writer.scalar(VALIDATION_ERROR, point.iteration(), point.valError());
        if (!Double.isNaN(point.testAccuracy())) {
            writer.scalar(TEST_ERROR, point.iteration(), point.testError());
        }
        filters(net, point.iteration());
        if (test != null) {
            BufferedImage misses = MisclassifiedDigits.find(net, test);
            if (misses != null) {
                writer.image(MISCLASSIFIED, point.iteration(), misses);
            }
        }
        writer.flush();
    }

    private void filters(MultiLayerNetwork net, long step) {
        Layer first = net.getLayer(0);
        if (first.numParams() > 0 && first.getParam("W") != null && first.getParam("W").rank() == 4) {
            writer.image(FILTERS, step, FilterImage.of(first.getParam("W")));
        }
    }

    /** A histogram per layer statistic; flushed when the listener's iteration is complete (next flush). */
    @Override
    public void accept(long iteration, String layer, String quantity, float[] values) {
        writer.histogram(layer + "/" + quantity, iteration, values);
    }

    @Override
    public void close() {
        writer.close();
    }
}
