/**
 * Data-parallel training of one cnn experiment ({@code distributed:}) with DL4J's Spark training
 * masters; the result is a {@link lab.cnn.train.TrainingRun}, from which
 * {@link lab.cnn.experiment.CnnRunner} writes the model, metrics.json and curves as for a local run.
 * Uses {@code lab.spark} (the shared context) and mnist-cnn's experiment and train packages.
 */
package lab.spark.distributed;
