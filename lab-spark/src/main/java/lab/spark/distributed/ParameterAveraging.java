package lab.spark.distributed;

import java.util.ArrayList;
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
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;

/**
 * {@code distributed: {mode: parameter-averaging}}: DL4J's {@link ParameterAveragingTrainingMaster}
 * in {@link EpochLoop}. The epoch's mini-batches go out in rounds of {@code workers x
 * averaging_frequency}, in the run's order: each worker fits {@code averaging_frequency}
 * consecutive ones, then parameters and updater state are averaged. Nothing in the split is random,
 * so a run resumed from an epoch's checkpoint ends bit for bit where the uninterrupted one does.
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
        return EpochLoop.run(name, net, data, schedule, from, checkpoints, spark, new Fitter(spark, spec));
    }

    private record Fitter(JavaSparkContext spark, CnnExperiment spec) implements EpochFitter {
        @Override
        public String describe() {
            Distributed d = spec.distributed();
            return String.format(Locale.ROOT, "parameter averaging: %d worker(s), averaging every %d mini-batch(es) "
                    + "of %d per worker", d.workers(), d.averagingFrequency(), spec.batchSize());
        }

        /**
         * One DL4J fit per averaging round, on an RDD of just that round's mini-batches: worker k gets
         * the k-th run of {@code averaging_frequency} consecutive batches. Handing DL4J the whole epoch
         * instead makes it cut the epoch by random splits, and every task of every split then carries
         * its worker's whole share of the epoch (86 MB per task for MNIST at 2 workers, 110 times an
         * epoch) to keep 1/110 of it.
         */
        @Override
        public Fitted fit(MultiLayerNetwork current, List<DataSet> batches, int epoch, Rounds rounds) {
            Distributed d = spec.distributed();
            int perRound = d.workers() * d.averagingFrequency();
            MultiLayerNetwork net = current;
            double score = Double.NaN;
            for (int first = 0, round = 0; first < batches.size(); first += perRound, round++) {
                List<DataSet> part = new ArrayList<>(batches.subList(first, Math.min(batches.size(), first + perRound)));
                ParameterAveragingTrainingMaster master = master(epoch, round);
                SparkDl4jMultiLayer sparkNet = new SparkDl4jMultiLayer(spark, net, master);
                net = sparkNet.fit(spark.parallelize(part, Math.min(d.workers(), part.size())));
                master.deleteTempFiles(spark);
                score = sparkNet.getScore(); // the workers' mean score on their last mini-batch
                rounds.done(first + part.size(), score);
                if (!Double.isFinite(score)) {
                    break;
                }
            }
            return new Fitted(net, score);
        }

        private ParameterAveragingTrainingMaster master(int epoch, int round) {
            Distributed d = spec.distributed();
            return new ParameterAveragingTrainingMaster.Builder(d.workers(), spec.batchSize())
                    .batchSizePerWorker(spec.batchSize())
                    .averagingFrequency(d.averagingFrequency())
                    .workerPrefetchNumBatches(d.prefetch())
                    .saveUpdater(true)
                    .rddTrainingApproach(RDDTrainingApproach.Direct) // no export directory: the batches travel in the RDD
                    .repartionData(Repartition.Never) // the round comes in `workers` equal partitions
                    .rngSeed((spec.seed() * 1_000_003L + epoch) * 1_000_003L + round)
                    .collectTrainingStats(false)
                    .build();
        }
    }
}
