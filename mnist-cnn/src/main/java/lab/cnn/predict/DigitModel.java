package lab.cnn.predict;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.core.UserError;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A trained cnn's {@code model.zip} used for what it was trained for: class probabilities of
 * 28x28 images in [0, 1] ({@link DigitImage}). Inference only: no updater state is loaded.
 */
public final class DigitModel {
    /** Images per forward pass: large enough to be fast, small enough for little memory. */
    static final int BATCH = 500;
    static final int CLASSES = 10;

    private final MultiLayerNetwork net;

    DigitModel(MultiLayerNetwork net) {
        this.net = net;
    }

    /**
     * Restores {@code file}; every problem is one line naming the file, what was expected and
     * {@code howToMake} (e.g. the command that writes this model).
     */
    public static DigitModel load(Path file, String howToMake) {
        if (!Files.isRegularFile(file)) {
            throw UserError.runtime(file + ": no trained model there (expected the model.zip a cnn run writes; "
                    + howToMake + ")");
        }
        if (!isZip(file)) {
            throw UserError.runtime(file + ": not a DL4J model.zip (not a zip file; expected the model.zip a cnn run "
                    + "writes; " + howToMake + ")");
        }
        MultiLayerNetwork net;
        try {
            net = ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false);
        } catch (IOException | RuntimeException e) {
            throw UserError.runtime(file + ": not a DL4J model.zip (" + firstLine(e) + "; expected the model.zip a cnn "
                    + "run writes; " + howToMake + ")", e);
        }
        DigitModel model = new DigitModel(net);
        try {
            int classes = model.probabilities(List.of(new float[DigitImage.SIDE * DigitImage.SIDE])).get(0).length;
            if (classes != CLASSES) {
                throw UserError.runtime(file + ": the model has " + classes + " outputs, not the 10 digit classes ("
                        + howToMake + ")");
            }
        } catch (RuntimeException e) {
            if (e instanceof UserError user) {
                throw user;
            }
            throw UserError.runtime(file + ": not a 28x28-image classifier (" + firstLine(e) + "; " + howToMake + ")",
                    e);
        }
        return model;
    }

    /** Softmax outputs, one array of 10 per image, in order. */
    public List<float[]> probabilities(List<float[]> images) {
        List<float[]> out = new ArrayList<>(images.size());
        for (int from = 0; from < images.size(); from += BATCH) {
            List<float[]> batch = images.subList(from, Math.min(images.size(), from + BATCH));
            INDArray features = Nd4j.create(batch.toArray(new float[0][]));
            INDArray probs = net.output(features, false);
            for (int i = 0; i < batch.size(); i++) {
                out.add(probs.getRow(i).toFloatVector());
            }
        }
        return out;
    }

    private static boolean isZip(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 'P' && in.read() == 'K';
        } catch (IOException e) {
            throw UserError.runtime(file + ": cannot read the model (" + firstLine(e) + ")", e);
        }
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("");
    }
}
