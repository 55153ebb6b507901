package lab.spark.distributed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.experiment.CnnData;
import lab.cnn.experiment.CnnExperiment;
import lab.cnn.experiment.Distributed;
import lab.cnn.experiment.DistributedTraining;
import lab.cnn.train.EvalPoint;
import lab.cnn.train.LossPoint;
import lab.cnn.train.Schedule;
import lab.cnn.train.TrainingRun;
import lab.spark.SparkContexts;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.spark.api.RDDTrainingApproach;
import org.deeplearning4j.spark.api.Repartition;
import org.deeplearning4j.spark.impl.multilayer.SparkDl4jMultiLayer;
import org.deeplearning4j.spark.impl.paramavg.ParameterAveragingTrainingMaster;
import org.deeplearning4j.nn.api.Model;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code distributed: {mode: parameter-averaging}}: DL4J's {@link ParameterAveragingTrainingMaster}.
 * Each epoch the driver takes the run's seeded mini-batches (the same order a local run sees),
 * spreads them over {@code workers} partitions, and each worker fits {@code averaging_frequency}
 * of them between two averagings of parameters and updater state. After the epoch the driver's
 * network holds the average; it is evaluated on the validation and test images as locally.
 * The run's length is counted in epochs ({@code iterations:} is rounded up to whole epochs).
 */
public final class ParameterAveraging implements DistributedTraining {
    private static final Logger LOG = LoggerFactory.getLogger(ParameterAveraging.class);

    @Override
    public TrainingRun train(String name, MultiLayerNetwork net, CnnExperiment spec, CnnData data, Schedule schedule) {
        Distributed d = spec.distributed();
        JavaSparkContext spark = SparkContexts.shared();
        ImageDataSetIterator train = data.train();
        int perEpoch = train.batchesPerEpoch();
        int epochs = (int) Math.max(1, (schedule.iterations() + perEpoch - 1) / perEpoch);
        ParameterAveragingTrainingMaster master = new ParameterAveragingTrainingMaster.Builder(d.workers(),
                spec.batchSize())
                .batchSizePerWorker(spec.batchSize())
                .averagingFrequency(d.averagingFrequency())
                .workerPrefetchNumBatches(d.prefetch())
                .saveUpdater(true)
                .rddTrainingApproach(RDDTrainingApproach.Direct) // no export directory: the batches travel in the RDD
                .repartionData(Repartition.Always)
                .rngSeed(spec.seed())
                .build();
        SparkDl4jMultiLayer sparkNet = new SparkDl4jMultiLayer(spark, net, master);
        LOG.info(String.format(Locale.ROOT, "%s: parameter averaging on %s: %d worker(s), averaging every %d "
                        + "mini-batch(es) of %d per worker; %d epoch(s) of %d mini-batches", name, spark.master(),
                d.workers(), d.averagingFrequency(), spec.batchSize(), epochs, perEpoch));

        List<LossPoint> loss = new ArrayList<>();
        List<EvalPoint> evals = new ArrayList<>();
        double trainSeconds = 0;
        double evalSeconds = 0;
        long images = 0;
        long iteration = 0;
        boolean diverged = false;
        train.reset();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            List<DataSet> batches = new ArrayList<>(perEpoch);
            for (int b = 0; b < perEpoch && train.hasNext(); b++) {
                DataSet batch = train.next();
                batches.add(batch);
                images += batch.numExamples();
            }
            train.reset(); // the next epoch's seeded order
            long start = System.nanoTime();
            JavaRDD<DataSet> rdd = spark.parallelize(batches, d.workers());
            MultiLayerNetwork averaged = sparkNet.fit(rdd);
            trainSeconds += (System.nanoTime() - start) / 1e9;
            iteration += batches.size();
            double score = sparkNet.getScore();
            loss.add(new LossPoint(iteration, epoch, score));
            if (!Double.isFinite(score)) {
                diverged = true;
                LOG.warn("{}: loss {} after epoch {}: diverged", name, score, epoch);
                break;
            }
            long evalStart = System.nanoTime();
            double val = accuracy(averaged, data.validation());
            double test = accuracy(averaged, data.test());
            evalSeconds += (System.nanoTime() - evalStart) / 1e9;
            evals.add(new EvalPoint(iteration, epoch, val, test, trainSeconds));
            LOG.info(String.format(Locale.ROOT, "%s: epoch %d of %d: loss %.4f, validation %.4f, test %.4f (%.1f s "
                    + "training so far)", name, epoch, epochs, score, val, test, trainSeconds));
        }
        copyInto(net, sparkNet.getNetwork());
        master.deleteTempFiles(spark);
        return new TrainingRun(iteration, (double) iteration / perEpoch, loss, evals, trainSeconds, evalSeconds, images,
                diverged, diverged ? iteration : -1, false, List.of());
    }

    private static double accuracy(MultiLayerNetwork net, DataSetIterator data) {
        data.reset();
        Evaluation evaluation = net.evaluate(data);
        return evaluation.accuracy();
    }

    /** The averaged parameters and updater state into the caller's network, which CnnRunner saves. */
    private static void copyInto(MultiLayerNetwork target, Model averaged) {
        if (averaged == target) {
            return;
        }
        MultiLayerNetwork source = (MultiLayerNetwork) averaged;
        target.setParams(source.params());
        if (source.getUpdater() != null && source.getUpdater().getStateViewArray() != null) {
            target.getUpdater().getStateViewArray().assign(source.getUpdater().getStateViewArray());
        }
    }
}
