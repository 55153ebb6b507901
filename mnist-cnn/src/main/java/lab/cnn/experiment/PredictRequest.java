package lab.cnn.experiment;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@code predict} was asked on the command line.
 *
 * @param model  a model.zip, or the name of a cnn experiment (its {@code <runs>/NAME/model.zip});
 *               null: the spec's
 * @param files  pictures and IDX image files, in print order
 * @param labels labels for the IDX files instead of the ones beside them, or null
 * @param limit  at most this many images of each IDX file (negative: all)
 */
public record PredictRequest(String model, List<Path> files, Path labels, int limit) {
    public PredictRequest {
        files = List.copyOf(files);
    }
}
