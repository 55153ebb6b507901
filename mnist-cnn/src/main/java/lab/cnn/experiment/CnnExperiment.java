package lab.cnn.experiment;

import lab.cnn.model.CnnActivation;
import lab.cnn.model.NetworkSpec;
import lab.cnn.model.UpdaterKind;
import lab.cnn.model.WeightInitKind;
import lab.core.config.Check;
import lab.core.config.ExperimentSpec;
import lab.core.config.InvalidValue;

/**
 * {@code kind: cnn}: the Deep-MNIST network trained on MNIST (or another IDX dataset).
 * Defaults are the assignment's baseline: ReLU, Xavier, Adam 1e-4, batch 50, keep 0.5, fc
 * 1024, one epoch, evaluation once per epoch.
 *
 * @param epochs           passes over the training images (ignored when iterations is set)
 * @param iterations       exact number of mini-batch steps instead of epochs
 * @param evalEvery        iterations between evaluations (default: one epoch)
 * @param lossEvery        iterations between recorded training losses
 * @param trainImages      use only the first N of the 55,000 training images
 * @param validationImages use only the first N of the 5,000 validation images
 * @param testImages       use only the first N of the 10,000 test images
 * @param monitorEvery     per-layer statistics and DL4J UI stats every N iterations (0: off)
 * @param checkpointEvery  a checkpoint every N iterations and at every epoch end (0: no checkpoints)
 * @param keepCheckpoints  how many of the newest checkpoints are kept
 */
public record CnnExperiment(String description, CnnDataset dataset, CnnActivation activation, Double leakyAlpha,
                            Integer maxoutPieces, UpdaterKind updater, Double learningRate, Double momentum,
                            Integer batchSize, WeightInitKind weightInit, Double dropoutKeep, Integer fcWidth,
                            Long seed, Double epochs, Long iterations, Long evalEvery, Long lossEvery,
                            Integer trainImages, Integer validationImages, Integer testImages,
                            Integer monitorEvery, Long checkpointEvery, Integer keepCheckpoints)
        implements ExperimentSpec {

    public static final int TRAIN_IMAGES = 55_000;
    public static final int VALIDATION_IMAGES = 5_000;
    public static final int TEST_IMAGES = 10_000;

    public CnnExperiment {
        description = description == null ? "" : description;
        dataset = dataset == null ? CnnDataset.mnist() : dataset;
        activation = activation == null ? CnnActivation.RELU : activation;
        onlyFor(leakyAlpha, activation == CnnActivation.LEAKYRELU, "leaky_alpha", "activation leakyrelu");
        leakyAlpha = Check.nonNegative("leaky_alpha", leakyAlpha, 0.01);
        onlyFor(maxoutPieces, activation == CnnActivation.MAXOUT, "maxout_pieces", "activation maxout");
        maxoutPieces = maxoutPieces == null ? 2 : maxoutPieces;
        if (maxoutPieces < 2) {
            throw new InvalidValue("maxout_pieces", "must be >= 2, got " + maxoutPieces);
        }
        updater = updater == null ? UpdaterKind.ADAM : updater;
        learningRate = Check.positive("learning_rate", learningRate, 1e-4);
        onlyFor(momentum, updater == UpdaterKind.MOMENTUM, "momentum", "updater momentum");
        momentum = Check.inRange("momentum", momentum, 0.9, 0.0, 0.999999);
        batchSize = Check.positive("batch_size", batchSize, 50);
        weightInit = weightInit == null ? WeightInitKind.XAVIER : weightInit;
        dropoutKeep = Check.inRange("dropout_keep", dropoutKeep, 0.5, 1e-6, 1.0);
        fcWidth = Check.positive("fc_width", fcWidth, 1024);
        seed = seed == null ? 0L : seed;
        if (epochs != null && iterations != null) {
            throw new InvalidValue("iterations", "give epochs or iterations, not both");
        }
        epochs = iterations != null ? null : Check.positive("epochs", epochs, 1.0);
        if (iterations != null && iterations <= 0) {
            throw new InvalidValue("iterations", "must be > 0, got " + iterations);
        }
        trainImages = Check.positive("train_images", trainImages, TRAIN_IMAGES);
        validationImages = Check.positive("validation_images", validationImages, VALIDATION_IMAGES);
        testImages = Check.positive("test_images", testImages, TEST_IMAGES);
        if (batchSize > trainImages) {
            throw new InvalidValue("batch_size", "must be <= train_images (" + trainImages + "), got " + batchSize);
        }
        if (evalEvery != null && evalEvery <= 0) {
            throw new InvalidValue("eval_every", "must be > 0, got " + evalEvery);
        }
        monitorEvery = monitorEvery == null ? 100 : monitorEvery;
        if (monitorEvery < 0) {
            throw new InvalidValue("monitor_every", "must be >= 0 (0 turns monitoring off), got " + monitorEvery);
        }
        checkpointEvery = Check.nonNegative("checkpoint_every", checkpointEvery, 500L);
        keepCheckpoints = Check.positive("keep_checkpoints", keepCheckpoints, 2);
        lossEvery = lossEvery == null ? 10L : lossEvery;
        if (lossEvery <= 0) {
            throw new InvalidValue("loss_every", "must be > 0, got " + lossEvery);
        }
    }

    private static void onlyFor(Object value, boolean applies, String key, String when) {
        if (value != null && !applies) {
            throw new InvalidValue(key, "only applies with " + when);
        }
    }

    public NetworkSpec networkSpec() {
        return new NetworkSpec(activation, leakyAlpha, maxoutPieces, weightInit, updater, learningRate, momentum,
                dropoutKeep, fcWidth, seed);
    }

    /** This experiment with another seed (initial weights, dropout masks and batch order). */
    public CnnExperiment withSeed(long newSeed) {
        // keys that apply to one activation or updater only are given only there, as a YAML file would
        return new CnnExperiment(description, dataset, activation,
                activation == CnnActivation.LEAKYRELU ? leakyAlpha : null,
                activation == CnnActivation.MAXOUT ? maxoutPieces : null, updater, learningRate,
                updater == UpdaterKind.MOMENTUM ? momentum : null, batchSize, weightInit, dropoutKeep, fcWidth, newSeed, epochs, iterations, evalEvery, lossEvery,
                trainImages, validationImages, testImages, monitorEvery, checkpointEvery, keepCheckpoints);
    }

    /** Mini-batch steps per epoch over {@code images} training images (the last batch may be short). */
    public long iterationsPerEpoch(int images) {
        return (images + batchSize - 1) / batchSize;
    }

    public long totalIterations(int images) {
        return iterations != null ? iterations : Math.max(1, Math.round(epochs * iterationsPerEpoch(images)));
    }

    public long evalInterval(int images) {
        return evalEvery != null ? evalEvery : iterationsPerEpoch(images);
    }

    /** "adam 1e-04 relu xavier batch 50". */
    public String shortConfig() {
        return updater + " " + learningRate + " " + activation + " " + weightInit + " batch " + batchSize;
    }
}
