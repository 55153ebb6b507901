package lab.spark.distributed;

import java.util.List;
import java.util.Locale;
import lab.cnn.experiment.CnnData;
import lab.cnn.experiment.CnnExperiment;
import lab.cnn.experiment.Distributed;
import lab.cnn.experiment.DistributedTraining;
import lab.cnn.train.CheckpointStore;
import lab.cnn.train.Schedule;
import lab.cnn.train.TrainingRun;
import lab.cnn.train.TrainingState;
import lab.spark.SparkContexts;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;

/**
 * {@code distributed: {mode: parameter-averaging}}: DL4J's {@link ParameterAveragingTrainingMaster}
 * in {@link EpochLoop}. Each worker fits {@code averaging_frequency} of its share of the epoch's
 * mini-batches between two averagings of parameters and updater state; after the epoch the
 * driver's network holds the average. Each epoch has a master of its own seeded by the epoch, so
 * how it splits the batches depends on nothing earlier in the run, and a run resumed from a
 * checkpoint ends bit for bit where the uninterrupted one does.
 */
public final class ParameterAveraging implements DistributedTraining {
    @Override
    public Distributed.Mode mode() {
        return Distributed.Mode.PARAMETER_AVERAGING;
    }

    @Override
    public TrainingRun train(String name, MultiLayerNetwork net, CnnExperiment spec, CnnData data, Schedule schedule,
                             TrainingState from, CheckpointStore checkpoints) {
        JavaSparkContext spark = SparkContexts.shared();
        return EpochLoop.run(name, net, data, schedule, from, checkpoints, spark, spec.distributed().workers(),
                new Fitter(spark, spec));
    }

    private record Fitter(JavaSparkContext spark, CnnExperiment spec) implements EpochFitter {
        @Override
        public String describe() {
            Distributed d = spec.distributed();
            return String.format(Locale.ROOT, "parameter averaging: %d worker(s), averaging every %d mini-batch(es) "
                    + "of %d per worker", d.workers(), d.averagingFrequency(), spec.batchSize());
        }

        @Override
        public Fitted fit(MultiLayerNetwork current, JavaRDD<DataSet> rdd, List<DataSet> batches, int epoch) {
            ParameterAveragingTrainingMaster master = master(epoch);
            SparkDl4jMultiLayer sparkNet = new SparkDl4jMultiLayer(spark, current, master);
            MultiLayerNetwork averaged = sparkNet.fit(rdd);
            master.deleteTempFiles(spark);
            return new Fitted(averaged, sparkNet.getScore()); // the workers' mean score on their last mini-batch
        }

        private ParameterAveragingTrainingMaster master(int epoch) {
            Distributed d = spec.distributed();
            return new ParameterAveragingTrainingMaster.Builder(d.workers(), spec.batchSize())
                    .batchSizePerWorker(spec.batchSize())
                    .averagingFrequency(d.averagingFrequency())
                    .workerPrefetchNumBatches(d.prefetch())
                    .saveUpdater(true)
                    .rddTrainingApproach(RDDTrainingApproach.Direct) // no export directory: the batches travel in the RDD
                    .repartionData(Repartition.Always)
                    .rngSeed(spec.seed() * 1_000_003L + epoch)
                    .collectTrainingStats(false)
                    .build();
        }
    }
}
