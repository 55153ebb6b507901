package lab.cnn.search;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.data.MnistData;
import lab.cnn.data.MnistFiles;
import lab.cnn.experiment.CnnDataset;
import lab.cnn.experiment.CnnExperiment;
import lab.cnn.model.DeepMnistNetwork;
import lab.core.RunContext;
import lab.core.UserError;

/**
 * The images of a cnn search, loaded once and shared read-only by every candidate; each candidate
 * gets its own iterators (they hold a position), so candidates can train in parallel.
 */
record SearchData(String name, String source, MnistData images) {
    static final int EVAL_BATCH = 500;

    /** Located and verified like a cnn experiment's; cut to the search's image counts. */
    static SearchData load(String base, CnnExperiment spec, RunContext ctx) {
        CnnDataset dataset = spec.dataset();
        Path dir;
        if (dataset.type() == CnnDataset.Type.MNIST) {
            dir = new MnistFiles(ctx.cacheDir().resolve("mnist")).locate();
        } else {
            dir = ctx.experimentsDir().resolve(dataset.path()).normalize();
            if (!Files.isDirectory(dir)) {
                throw ctx.experiments().error(List.of("experiments", base, "dataset", "path"),
                        dir + " is not a directory (expected a directory holding the four IDX files)");
            }
        }
        MnistData data = MnistData.load(dir).subset(spec.trainImages(), spec.validationImages(), spec.testImages());
        if (data.train().rows() != DeepMnistNetwork.HEIGHT || data.train().cols() != DeepMnistNetwork.WIDTH
                || data.numClasses() != DeepMnistNetwork.CLASSES) {
            throw UserError.runtime(dir + ": images are " + data.train().rows() + "x" + data.train().cols()
                    + " with " + data.numClasses() + " classes; the network needs 28x28 images and 10 classes");
        }
        String name = dataset.type() == CnnDataset.Type.MNIST ? "MNIST" : "IDX " + dir.getFileName();
        return new SearchData(name, dir.toString(), data);
    }

    ImageDataSetIterator train(CnnExperiment spec) {
        return ImageDataSetIterator.shuffled(images.train(), spec.batchSize(), images.numClasses(), spec.seed());
    }

    ImageDataSetIterator validation() {
        return ImageDataSetIterator.inOrder(images.validation(), EVAL_BATCH, images.numClasses());
    }

    ImageDataSetIterator test() {
        return ImageDataSetIterator.inOrder(images.test(), EVAL_BATCH, images.numClasses());
    }
}
