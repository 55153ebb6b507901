/**
 * Data-parallel training of one cnn experiment ({@code distributed:}) with DL4J's Spark training
 * masters, one class per mode: {@link lab.spark.distributed.ParameterAveraging} and
 * {@link lab.spark.distributed.GradientSharing}, each an {@link lab.spark.distributed.EpochFitter}
 * in the shared {@link lab.spark.distributed.EpochLoop} (batch order, evaluation, checkpoints);
 * {@link lab.spark.distributed.ParameterServerSettings} holds gradient sharing's network settings.
 * The result is a {@link lab.cnn.train.TrainingRun}, from which
 * {@link lab.cnn.experiment.CnnRunner} writes the model, metrics.json and curves as for a local run.
 * Uses {@code lab.spark} (the shared context) and mnist-cnn's experiment and train packages.
 */
package lab.spark.distributed;
