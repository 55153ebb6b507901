package lab.cnn.experiment;

import java.nio.file.Path;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.data.ImageGeometry;
import lab.cnn.data.MnistData;
import lab.cnn.model.DeepMnistNetwork;
import lab.core.kind.RunContext;
import lab.core.io.DisplayPaths;
import lab.core.UserError;

/**
 * The images of a cnn experiment: located and verified, cut to the experiment's image counts and
 * checked to fit the network (which is built for their geometry). Read-only, so one copy can serve several trainings at once; each
 * gets its own iterators (they hold a position).
 *
 * @param name   "MNIST" or "IDX &lt;directory&gt;"
 * @param source the directory the files came from, relative to the project when inside it
 */
public record CnnImages(String name, String source, MnistData images) {
    /** Evaluation needs no gradients: bigger batches are faster and change no result. */
    public static final int EVAL_BATCH = 500;

    public static CnnImages load(String experiment, CnnExperiment spec, RunContext ctx) {
        Path dir = spec.dataset().locate(experiment, ctx);
        MnistData data = spec.dataset().load(dir)
                .subset(spec.trainImages(), spec.validationImages(), spec.testImages());
        DeepMnistNetwork.problem(data.geometry()).ifPresent(problem -> {
            throw UserError.runtime(dir + ": images are " + data.geometry().describe() + ": " + problem);
        });
        return new CnnImages(spec.dataset().name(dir), DisplayPaths.of(ctx.experimentsDir(), dir), data);
    }

    /** What the network is built for: the images' height, width, channels and the classes. */
    public ImageGeometry geometry() {
        return images.geometry();
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
