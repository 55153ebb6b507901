package lab.cnn.data;

import java.nio.file.Path;

/** Puts the four MNIST files into a directory, or fails with a one-line {@code UserError}. */
@FunctionalInterface
public interface MnistFetcher {
    void fetchInto(Path dir);
}
