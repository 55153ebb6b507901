package lab.spark.distributed;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.experiment.CnnData;
import lab.cnn.experiment.CnnExperiment;
import lab.cnn.experiment.Distributed;
import lab.cnn.experiment.DistributedTraining;
import lab.cnn.train.CheckpointStore;
import lab.cnn.train.EvalPoint;
import lab.cnn.train.LossPoint;
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
 * network holds the average; it is evaluated on the validation and test images as locally, and
 * saved as a checkpoint (a resumed run continues with the next epoch, in the same batch order).
 * The run's length is counted in epochs ({@code iterations:} is rounded up to whole epochs).
 */
public final class ParameterAveraging implements DistributedTraining {
    private static final Logger LOG = LoggerFactory.getLogger(ParameterAveraging.class);

    @Override
    public TrainingRun train(String name, MultiLayerNetwork net, CnnExperiment spec, CnnData data, Schedule schedule,
                             TrainingState from, CheckpointStore checkpoints) {
        Distributed d = spec.distributed();
        JavaSparkContext spark = SparkContexts.shared();
        ImageDataSetIterator train = data.train();
        int perEpoch = train.batchesPerEpoch();
        int epochs = (int) Math.max(1, (schedule.iterations() + perEpoch - 1) / perEpoch);
        LOG.info(String.format(Locale.ROOT, "%s: parameter averaging on %s: %d worker(s), averaging every %d "
                        + "mini-batch(es) of %d per worker; %d epoch(s) of %d mini-batches", name, spark.master(),
                d.workers(), d.averagingFrequency(), spec.batchSize(), epochs, perEpoch));

        MultiLayerNetwork current = net;
        List<LossPoint> loss = new ArrayList<>(from.loss());
        List<EvalPoint> evals = new ArrayList<>(from.evals());
        double trainSeconds = from.trainSeconds();
        double evalSeconds = from.evalSeconds();
        long images = from.images();
        long iteration = from.iteration();
        boolean diverged = false;
        train.seek(new ImageDataSetIterator.Position(from.epoch(), from.batch())); // the order a local run sees
        for (int epoch = (int) (iteration / perEpoch) + 1; epoch <= epochs; epoch++) {
            if (!train.hasNext()) {
                train.reset(); // the next epoch's seeded order
            }
            List<DataSet> batches = new ArrayList<>(perEpoch);
            while (batches.size() < perEpoch && train.hasNext()) {
                DataSet batch = train.next();
                batches.add(batch);
                images += batch.numExamples();
            }
            long start = System.nanoTime();
            JavaRDD<DataSet> rdd = spark.parallelize(batches, d.workers());
            // a master per epoch, seeded by the epoch: how it splits the batches then depends on nothing
            // earlier in the run, so a run resumed from a checkpoint continues exactly
            ParameterAveragingTrainingMaster master = master(spec, d, epoch);
            SparkDl4jMultiLayer sparkNet = new SparkDl4jMultiLayer(spark, current, master);
            MultiLayerNetwork averaged = sparkNet.fit(rdd);
            master.deleteTempFiles(spark);
            current = averaged;
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
            if (checkpoints != null && epoch < epochs) {
                ImageDataSetIterator.Position at = train.position();
                checkpoints.save(current, new TrainingState(iteration, images, at.epoch(), at.batch(), trainSeconds,
                        evalSeconds, loss, evals, from.resumedAt(), from.threads()));
            }
        }
        copyInto(net, current);
        return new TrainingRun(iteration, (double) iteration / perEpoch, loss, evals, trainSeconds, evalSeconds, images,
                diverged, diverged ? iteration : -1, false, from.resumedAt(), null); // no image-by-image final test here
    }

    private static ParameterAveragingTrainingMaster master(CnnExperiment spec, Distributed d, int epoch) {
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

    private static double accuracy(MultiLayerNetwork net, DataSetIterator data) {
        data.reset();
        Evaluation evaluation = net.evaluate(data);
        return evaluation.accuracy();
    }

    /** The averaged parameters and updater state into the caller's network, which CnnRunner saves. */
    private static void copyInto(MultiLayerNetwork target, MultiLayerNetwork source) {
        if (source == target) {
            return;
        }
        target.setParams(source.params());
        if (source.getUpdater() != null && source.getUpdater().getStateViewArray() != null) {
            target.getUpdater().getStateViewArray().assign(source.getUpdater().getStateViewArray());
        }
    }
}
