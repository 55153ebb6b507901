package lab.cnn.data;

import java.nio.file.Path;
import lab.core.UserError;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An IDX dataset split as in the assignment: the first {@code train - validationSize} training
 * images train, the last {@code validationSize} (5,000 for MNIST) validate, the t10k images test.
 * Works for any directory of MNIST-style IDX files (e.g. Fashion-MNIST), checked structurally
 * here; checksums are {@link MnistFiles}'s business.
 */
public record MnistData(ImageSplit train, ImageSplit validation, ImageSplit test, int numClasses) {
    public static final int VALIDATION_SIZE = 5_000;
    public static final int NUM_CLASSES = 10;

    private static final Logger log = LoggerFactory.getLogger(MnistData.class);

    /** MNIST itself: located (or fetched) and verified by {@link MnistFiles}, then loaded. */
    public static MnistData mnist(Path cacheDir) {
        return load(new MnistFiles(cacheDir).locate());
    }

    public static MnistData load(Path dir) {
        return load(dir, VALIDATION_SIZE, NUM_CLASSES);
    }

    public static MnistData load(Path dir, int validationSize, int numClasses) {
        if (validationSize < 0) {
            throw new IllegalArgumentException("validation size " + validationSize);
        }
        IdxFileSet files = IdxFileSet.find(dir);
        if (!files.complete()) {
            throw UserError.runtime(dir + ": missing " + files.describeMissing()
                    + " (an IDX dataset directory holds the four MNIST-named files, raw or gzipped)");
        }
        IdxImages trainImages = IdxFile.readImages(files.path(IdxPart.TRAIN_IMAGES));
        byte[] trainLabels = IdxFile.readLabels(files.path(IdxPart.TRAIN_LABELS), numClasses);
        IdxImages testImages = IdxFile.readImages(files.path(IdxPart.TEST_IMAGES));
        byte[] testLabels = IdxFile.readLabels(files.path(IdxPart.TEST_LABELS), numClasses);
        sameCount(files, IdxPart.TRAIN_LABELS, trainImages, trainLabels);
        sameCount(files, IdxPart.TEST_LABELS, testImages, testLabels);
        if (testImages.rows() != trainImages.rows() || testImages.cols() != trainImages.cols()
                || testImages.channels() != trainImages.channels()) {
            throw UserError.runtime(files.path(IdxPart.TEST_IMAGES) + ": images are " + size(testImages)
                    + " but the training images are " + size(trainImages)
                    + " (the four files must come from one dataset)");
        }
        int trainCount = trainImages.count() - validationSize;
        if (trainCount <= 0) {
            throw UserError.runtime(files.path(IdxPart.TRAIN_IMAGES) + ": only " + trainImages.count()
                    + " training images, too few to hold out the last " + validationSize + " for validation"
                    + " (use the full training file)");
        }
        int rows = trainImages.rows();
        int cols = trainImages.cols();
        int channels = trainImages.channels();
        MnistData data = new MnistData(
                new ImageSplit("train", rows, cols, channels, trainImages.pixels(), trainLabels, 0, trainCount),
                new ImageSplit("validation", rows, cols, channels, trainImages.pixels(), trainLabels, trainCount,
                        validationSize),
                new ImageSplit("test", rows, cols, channels, testImages.pixels(), testLabels, 0, testImages.count()),
                numClasses);
        log.info("loaded {}: {}", dir, data.describe());
        return data;
    }

    /** The first {@code trainLimit} training and {@code testLimit} test images; validation limited like test. */
    public MnistData subset(int trainLimit, int testLimit) {
        return subset(trainLimit, testLimit, testLimit);
    }

    /** The first images of each split (a split smaller than its limit stays whole): for smoke runs. */
    public MnistData subset(int trainLimit, int validationLimit, int testLimit) {
        return new MnistData(train.first(trainLimit), validation.first(validationLimit), test.first(testLimit),
                numClasses);
    }

    /** E.g. {@code train 55000, validation 5000, test 10000 images of 28x28, 10 classes} (32x32x3 for colour). */
    public String describe() {
        return "train " + train.size() + ", validation " + validation.size() + ", test " + test.size()
                + " images of " + geometry().describe();
    }

    /** The images' height, width and channels, and the number of classes: what a network is built for. */
    public ImageGeometry geometry() {
        return new ImageGeometry(train.rows(), train.cols(), train.channels(), numClasses);
    }

    private static String size(IdxImages images) {
        return images.rows() + "x" + images.cols() + (images.channels() == 1 ? "" : "x" + images.channels());
    }

    private static void sameCount(IdxFileSet files, IdxPart labelPart, IdxImages images, byte[] labels) {
        if (images.count() != labels.length) {
            throw UserError.runtime(files.path(labelPart) + ": " + labels.length + " labels for " + images.count()
                    + " images (the image and label files must belong together)");
        }
    }
}
