package lab.spark.distributed;

import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.DataSet;

/**
 * What a mode of {@code distributed:} does with one epoch: fits its mini-batches on Spark and
 * returns the driver's network after the epoch with the workers' mean score. {@link EpochLoop}
 * does the rest (batch order, evaluation, checkpoints), the same for every mode.
 */
interface EpochFitter extends AutoCloseable {
    /** For the log: "parameter averaging: 2 worker(s), ...". */
    String describe();

    /**
     * @param current the driver's network before the epoch
     * @param batches the epoch's mini-batches on the driver, in the run's order
     * @param epoch   1 for the first epoch of the run
     * @param rounds  told after each part of the epoch the mode finishes (a round of averaging, or the
     *                whole epoch): the loss curve and the progress line
     */
    Fitted fit(MultiLayerNetwork current, List<DataSet> batches, int epoch, Rounds rounds);

    /** Where a fitter reports its progress within an epoch. */
    interface Rounds {
        /**
         * @param batchesDone the epoch's mini-batches fitted so far (all workers together)
         * @param score       the workers' mean loss on their last mini-batch
         */
        void done(int batchesDone, double score);
    }

    /** Frees what the fitter holds beyond the run (servers, temporary files). */
    @Override
    default void close() {
    }

    /** The network after an epoch (the same object or a new one) and the workers' mean loss. */
    record Fitted(MultiLayerNetwork net, double score) {
    }
}
