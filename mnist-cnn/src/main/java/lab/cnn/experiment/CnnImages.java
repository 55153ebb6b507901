package lab.cnn.experiment;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.data.MnistData;
import lab.cnn.data.MnistFiles;
import lab.cnn.model.DeepMnistNetwork;
import lab.core.RunContext;
import lab.core.io.DisplayPaths;
import lab.core.UserError;

/**
 * The images of a cnn experiment: located and verified, cut to the experiment's image counts and
 * checked to fit the network. Read-only, so one copy can serve several trainings at once; each
 * gets its own iterators (they hold a position).
 *
 * @param name   "MNIST" or "IDX &lt;directory&gt;"
 * @param source the directory the files came from, relative to the project when inside it
 */
public record CnnImages(String name, String source, MnistData images) {
    /** Evaluation needs no gradients: bigger batches are faster and change no result. */
    public static final int EVAL_BATCH = 500;

    public static CnnImages load(String experiment, CnnExperiment spec, RunContext ctx) {
        Path dir = locate(experiment, spec.dataset(), ctx);
        String name = spec.dataset().type() == CnnDataset.Type.MNIST ? "MNIST" : "IDX " + dir.getFileName();
        MnistData data = MnistData.load(dir).subset(spec.trainImages(), spec.validationImages(), spec.testImages());
        if (data.train().rows() != DeepMnistNetwork.HEIGHT || data.train().cols() != DeepMnistNetwork.WIDTH
                || data.numClasses() != DeepMnistNetwork.CLASSES) {
            throw UserError.runtime(dir + ": images are " + data.train().rows() + "x" + data.train().cols()
                    + " with " + data.numClasses() + " classes; the network needs 28x28 images and 10 classes");
        }
        return new CnnImages(name, DisplayPaths.of(ctx.experimentsDir(), dir), data);
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

    /** Training batches in an order drawn from {@code spec}'s seed, a new one every epoch. */
    public ImageDataSetIterator train(CnnExperiment spec) {
        return ImageDataSetIterator.shuffled(images.train(), spec.batchSize(), images.numClasses(), spec.seed());
    }

    public ImageDataSetIterator validation() {
        return ImageDataSetIterator.inOrder(images.validation(), EVAL_BATCH, images.numClasses());
    }

    public ImageDataSetIterator test() {
        return ImageDataSetIterator.inOrder(images.test(), EVAL_BATCH, images.numClasses());
    }
}
