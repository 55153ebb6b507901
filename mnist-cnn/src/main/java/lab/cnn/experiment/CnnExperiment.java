package lab.cnn.experiment;

import com.fasterxml.jackson.annotation.JsonInclude;
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
 * @param distributed      data-parallel training on Spark (null: this JVM); left out of the JSON when
 *                         absent, so local runs' metrics.json and fingerprints stay as they were
 * @param earlyStopping    stop when validation error stops improving (null: train the whole
 *                         schedule); left out of the JSON when absent, like {@code distributed}
 */
public record CnnExperiment(String description, CnnDataset dataset, CnnActivation activation, Double leakyAlpha,
                            Integer maxoutPieces, UpdaterKind updater, Double learningRate, Double momentum,
                            Integer batchSize, WeightInitKind weightInit, Double dropoutKeep, Integer fcWidth,
                            Long seed, Double epochs, Long iterations, Long evalEvery, Long lossEvery,
                            Integer trainImages, Integer validationImages, Integer testImages,
                            Integer monitorEvery, Long checkpointEvery, Integer keepCheckpoints,
                            @JsonInclude(JsonInclude.Include.NON_NULL) Distributed distributed,
                            @JsonInclude(JsonInclude.Include.NON_NULL) EarlyStopping earlyStopping)
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
        if (earlyStopping != null && distributed != null) {
            throw new InvalidValue("early_stopping", "only applies without distributed (a data-parallel run "
                    + "evaluates once per epoch on the driver)");
        }
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
        return toBuilder().seed(newSeed).build();
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

    /** A builder holding this experiment's values: change some, {@code build()} checks the whole. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.description = description;
        b.dataset = dataset;
        b.activation = activation;
        b.leakyAlpha = leakyAlpha;
        b.maxoutPieces = maxoutPieces;
        b.updater = updater;
        b.learningRate = learningRate;
        b.momentum = momentum;
        b.batchSize = batchSize;
        b.weightInit = weightInit;
        b.dropoutKeep = dropoutKeep;
        b.fcWidth = fcWidth;
        b.seed = seed;
        b.epochs = epochs;
        b.iterations = iterations;
        b.evalEvery = evalEvery;
        b.lossEvery = lossEvery;
        b.trainImages = trainImages;
        b.validationImages = validationImages;
        b.testImages = testImages;
        b.monitorEvery = monitorEvery;
        b.checkpointEvery = checkpointEvery;
        b.keepCheckpoints = keepCheckpoints;
        b.distributed = distributed;
        b.earlyStopping = earlyStopping;
        return b;
    }

    /**
     * Copies of a cnn experiment with some keys changed (the search's candidates), checked once by
     * the record's constructor when built, so changing several keys never passes through an
     * invalid combination. Keys that apply to one activation or updater only (leaky_alpha,
     * maxout_pieces, momentum) are dropped when another is chosen, as a file would have to leave
     * them out; setting epochs clears iterations and the other way round.
     */
    public static final class Builder {
        private String description;
        private CnnDataset dataset;
        private CnnActivation activation;
        private Double leakyAlpha;
        private Integer maxoutPieces;
        private UpdaterKind updater;
        private Double learningRate;
        private Double momentum;
        private Integer batchSize;
        private WeightInitKind weightInit;
        private Double dropoutKeep;
        private Integer fcWidth;
        private Long seed;
        private Double epochs;
        private Long iterations;
        private Long evalEvery;
        private Long lossEvery;
        private Integer trainImages;
        private Integer validationImages;
        private Integer testImages;
        private Integer monitorEvery;
        private Long checkpointEvery;
        private Integer keepCheckpoints;
        private Distributed distributed;
        private EarlyStopping earlyStopping;

        private Builder() {
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder dataset(CnnDataset dataset) {
            this.dataset = dataset;
            return this;
        }

        public Builder activation(CnnActivation activation) {
            this.activation = activation;
            return this;
        }

        public Builder leakyAlpha(Double leakyAlpha) {
            this.leakyAlpha = leakyAlpha;
            return this;
        }

        public Builder maxoutPieces(Integer maxoutPieces) {
            this.maxoutPieces = maxoutPieces;
            return this;
        }

        public Builder updater(UpdaterKind updater) {
            this.updater = updater;
            return this;
        }

        public Builder learningRate(Double learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        public Builder momentum(Double momentum) {
            this.momentum = momentum;
            return this;
        }

        public Builder batchSize(Integer batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        public Builder weightInit(WeightInitKind weightInit) {
            this.weightInit = weightInit;
            return this;
        }

        public Builder dropoutKeep(Double dropoutKeep) {
            this.dropoutKeep = dropoutKeep;
            return this;
        }

        public Builder fcWidth(Integer fcWidth) {
            this.fcWidth = fcWidth;
            return this;
        }

        public Builder seed(Long seed) {
            this.seed = seed;
            return this;
        }

        public Builder epochs(Double epochs) {
            this.epochs = epochs;
            if (epochs != null) {
                this.iterations = null;
            }
            return this;
        }

        public Builder iterations(Long iterations) {
            this.iterations = iterations;
            if (iterations != null) {
                this.epochs = null;
            }
            return this;
        }

        public Builder evalEvery(Long evalEvery) {
            this.evalEvery = evalEvery;
            return this;
        }

        public Builder lossEvery(Long lossEvery) {
            this.lossEvery = lossEvery;
            return this;
        }

        public Builder trainImages(Integer trainImages) {
            this.trainImages = trainImages;
            return this;
        }

        public Builder validationImages(Integer validationImages) {
            this.validationImages = validationImages;
            return this;
        }

        public Builder testImages(Integer testImages) {
            this.testImages = testImages;
            return this;
        }

        public Builder monitorEvery(Integer monitorEvery) {
            this.monitorEvery = monitorEvery;
            return this;
        }

        public Builder checkpointEvery(Long checkpointEvery) {
            this.checkpointEvery = checkpointEvery;
            return this;
        }

        public Builder distributed(Distributed distributed) {
            this.distributed = distributed;
            return this;
        }

        public Builder earlyStopping(EarlyStopping earlyStopping) {
            this.earlyStopping = earlyStopping;
            return this;
        }

        public Builder keepCheckpoints(Integer keepCheckpoints) {
            this.keepCheckpoints = keepCheckpoints;
            return this;
        }

        public CnnExperiment build() {
            return new CnnExperiment(description, dataset, activation,
                    activation == CnnActivation.LEAKYRELU ? leakyAlpha : null,
                    activation == CnnActivation.MAXOUT ? maxoutPieces : null, updater, learningRate,
                    updater == UpdaterKind.MOMENTUM ? momentum : null, batchSize, weightInit, dropoutKeep, fcWidth,
                    seed, epochs, iterations, evalEvery, lossEvery, trainImages, validationImages, testImages,
                    monitorEvery, checkpointEvery, keepCheckpoints, distributed, earlyStopping);
        }
    }
}
