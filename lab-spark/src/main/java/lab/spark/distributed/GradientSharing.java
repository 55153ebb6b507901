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
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.optimize.solvers.accumulation.encoding.threshold.AdaptiveThresholdAlgorithm;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.repartitioner.NoOpRepartitioner;
import org.deeplearning4j.spark.parameterserver.pw.SharedTrainingWrapper;
import org.deeplearning4j.spark.parameterserver.training.SharedTrainingMaster;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.parameterserver.distributed.v2.ModelParameterServer;

/**
 * {@code distributed: {mode: gradient-sharing}}: DL4J's {@link SharedTrainingMaster} in
 * {@link EpochLoop}. Every worker fits its share of the epoch's mini-batches; after each one it
 * adds its update to a residual, sends the entries whose size reached the threshold (as +-threshold,
 * a sparse message) to the other workers and the driver, and keeps the rest for later. The
 * threshold starts at {@code threshold} and adapts to keep the messages sparse (DL4J's
 * {@link AdaptiveThresholdAlgorithm}). The driver's copy of the network applies the same messages,
 * so after the epoch it holds the trained parameters.
 * <p>
 * Where the copies run: each executor JVM trains one copy, fed by every worker task it holds (in
 * local mode one copy in this JVM, beside the driver's). Two copies in one JVM (workersPerNode 2, a
 * ParallelWrapper) deadlocked about one run in five in DL4J M2: one training thread waits in
 * EncodedGradientsAccumulator.synchronize holding the network's monitor, the other waits for the
 * monitor. DL4J M2 reports no score here: the loss recorded is the driver's network's, on the last
 * mini-batch of each worker's share, without dropout.
 * <p>
 * One master serves the whole run (its parameter server and workers outlive an epoch); a run
 * resumed from a checkpoint continues from the checkpoint's parameters and batch order, but the
 * messages' timing is not reproducible, so it does not end bit for bit where an uninterrupted run
 * would.
 */
public final class GradientSharing implements DistributedTraining {
    /** Not the id of any SharedTrainingMaster (they count up from 0): asking for it retires the JVM's copies. */
    private static final long NO_MASTER = Long.MAX_VALUE;

    @Override
    public Distributed.Mode mode() {
        return Distributed.Mode.GRADIENT_SHARING;
    }

    @Override
    public TrainingRun train(String name, MultiLayerNetwork net, CnnExperiment spec, CnnData data, Schedule schedule,
                             TrainingState from, CheckpointStore checkpoints) {
        ParameterServerSettings.aeronTimeout(); // before the master starts Aeron
        JavaSparkContext spark = SparkContexts.shared();
        try (Fitter fitter = new Fitter(spark, spec, net)) {
            return EpochLoop.run(name, net, data, schedule, from, checkpoints, spark, fitter);
        }
    }

    private static final class Fitter implements EpochFitter {
        private final CnnExperiment spec;
        private final SparkDl4jMultiLayer sparkNet;
        private final int copiesPerJvm;

        Fitter(JavaSparkContext spark, CnnExperiment spec, MultiLayerNetwork net) {
            this.spec = spec;
            Distributed d = spec.distributed();
            this.copiesPerJvm = 1; // two copies in one JVM can deadlock in DL4J M2 (class comment)
            SharedTrainingMaster master = new SharedTrainingMaster.Builder(
                    ParameterServerSettings.voidConfiguration(spark), d.workers(),
                    new AdaptiveThresholdAlgorithm(d.threshold()), spec.batchSize())
                    .batchSizePerWorker(spec.batchSize())
                    .workersPerNode(copiesPerJvm)
                    .workerPrefetchNumBatches(d.prefetch())
                    .rddTrainingApproach(RDDTrainingApproach.Direct) // no export directory: the batches travel in the RDD
                    .repartitioner(new NoOpRepartitioner()) // the epoch's batches come in `workers` equal partitions
                    .rngSeed(spec.seed())
                    .collectTrainingStats(false)
                    .build();
            this.sparkNet = new SparkDl4jMultiLayer(spark, net, master);
        }

        @Override
        public String describe() {
            Distributed d = spec.distributed();
            return String.format(Locale.ROOT, "gradient sharing: %d worker(s) (%d copies per executor JVM), "
                    + "mini-batches of %d, initial threshold %s", d.workers(), copiesPerJvm, spec.batchSize(),
                    d.threshold());
        }

        @Override
        public Fitted fit(MultiLayerNetwork current, List<DataSet> batches, int epoch, Rounds rounds) {
            if (current != sparkNet.getNetwork()) {
                throw new IllegalStateException("gradient sharing trains the network it started with");
            }
            // `workers` partitions of consecutive batches: one share per worker
            MultiLayerNetwork trained = sparkNet.fit(sparkNet.getSparkContext().parallelize(batches,
                    spec.distributed().workers()));
            double score = lastLoss(trained, batches, spec.distributed().workers());
            rounds.done(batches.size(), score);
            return new Fitted(trained, score);
        }

        /**
         * The mean loss of {@code net} on the last mini-batch of each partition (Spark slices a list
         * into {@code parts} runs of consecutive elements: part i ends before (i + 1) n / parts).
         */
        static double lastLoss(MultiLayerNetwork net, List<DataSet> batches, int parts) {
            int n = batches.size();
            double sum = 0;
            int counted = 0;
            for (int i = 0; i < parts; i++) {
                int start = (int) ((long) i * n / parts);
                int end = (int) ((long) (i + 1) * n / parts);
                if (end > start) {
                    sum += net.score(batches.get(end - 1), false);
                    counted++;
                }
            }
            return counted == 0 ? Double.NaN : sum / counted;
        }

        /**
         * Retires this JVM's training copies (local mode) and stops the parameter server (its UDP
         * port and Aeron's threads); the next run starts its own.
         */
        @Override
        public void close() {
            SharedTrainingWrapper.getInstance(NO_MASTER);
            if (ModelParameterServer.getInstance().isInitialized()) { // not when the master failed to start it
                ModelParameterServer.getInstance().shutdown();
            }
        }
    }
}
