package lab.cnn.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.data.MnistData;
import lab.cnn.data.MnistFiles;
import lab.cnn.model.DeepMnistNetwork;
import lab.core.RunContext;
import lab.core.UserError;

/**
 * The three splits of a cnn experiment as DL4J iterators: training shuffled with the
 * experiment's seed, validation and test in file order.
 */
record CnnData(String name, String source, ImageDataSetIterator train, ImageDataSetIterator validation,
               ImageDataSetIterator test) {

    /** Evaluation needs no gradients: bigger batches are faster and change no result. */
    static final int EVAL_BATCH = 500;

    static CnnData load(String experiment, CnnExperiment spec, RunContext ctx) {
        Path dir = locate(experiment, spec.dataset(), ctx);
        String name = spec.dataset().type() == CnnDataset.Type.MNIST ? "MNIST" : "IDX " + dir.getFileName();
        MnistData data = MnistData.load(dir).subset(spec.trainImages(), spec.validationImages(), spec.testImages());
        if (data.train().rows() != DeepMnistNetwork.HEIGHT || data.train().cols() != DeepMnistNetwork.WIDTH
                || data.numClasses() != DeepMnistNetwork.CLASSES) {
            throw UserError.runtime(dir + ": images are " + data.train().rows() + "x" + data.train().cols()
                    + " with " + data.numClasses() + " classes; the network needs 28x28 images and 10 classes");
        }
        int classes = data.numClasses();
        return new CnnData(name, dir.toString(),
                ImageDataSetIterator.shuffled(data.train(), spec.batchSize(), classes, spec.seed()),
                ImageDataSetIterator.inOrder(data.validation(), EVAL_BATCH, classes),
                ImageDataSetIterator.inOrder(data.test(), EVAL_BATCH, classes));
    }

    /** The verified directory of the four IDX files. */
    static Path locate(String experiment, CnnDataset dataset, RunContext ctx) {
        if (dataset.type() == CnnDataset.Type.MNIST) {
            return new MnistFiles(ctx.cacheDir().resolve("mnist")).locate();
        }
        Path dir = ctx.experimentsDir().resolve(dataset.path()).normalize();
        if (!Files.isDirectory(dir)) {
            throw ctx.experiments().error(List.of("experiments", experiment, "dataset", "path"),
                    dir + " is not a directory (expected a directory holding the four IDX files)");
        }
        return dir;
    }

    int trainCount() {
        return train.numExamples();
    }

    int validationCount() {
        return validation.numExamples();
    }

    int testCount() {
        return test.numExamples();
    }
}
