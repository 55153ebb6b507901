package lab.cnn.train;

import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * What the training loop tells a monitor besides DL4J's listener calls: the points it records.
 * Called on the training thread, between steps; an observer must not change the network or
 * consume randomness (a monitored run trains bit for bit like an unmonitored one).
 */
public interface TrainingObserver {
    /** A point of the loss curve; {@code imagesPerSecond} of this session's training steps so far. */
    default void lossRecorded(MultiLayerNetwork net, LossPoint point, double imagesPerSecond) {
    }

    /**
     * An evaluation; {@code test} (null when the run has no test set) may be read from its start
     * and is reset by the loop before its next use.
     */
    default void evaluated(MultiLayerNetwork net, EvalPoint point, DataSetIterator test) {
    }
}
