package lab.cnn.predict;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import lab.cnn.data.IdxFile;
import lab.cnn.data.IdxImages;
import lab.core.UserError;

/**
 * Reads what {@code predict} is given into network inputs: a picture (anything ImageIO reads:
 * PNG, JPEG, GIF, BMP) becomes one digit through {@link DigitImage}; an IDX image file (raw or
 * gzipped) gives its images as they are, with their labels when a labels file is given or lies
 * beside it under the MNIST name. A file that cannot be used becomes a {@link Failed} with the
 * reason, never an exception: one bad file must not stop the others.
 */
public final class DigitInputs {
    static final String NOT_AN_IMAGE = "not a picture (PNG, JPEG, GIF, BMP) nor an IDX image file";

    private DigitInputs() {
    }

    /** One input file, read. */
    public sealed interface Input permits Picture, IdxSet, Failed {
        Path path();
    }

    /** A picture: its 28x28 network input. */
    public record Picture(Path path, float[] pixels) implements Input {
    }

    /**
     * The first images of an IDX file.
     *
     * @param total      images in the file
     * @param images     the first {@code min(limit, total)} of them, scaled like the training data
     * @param labels     their labels, or null without a labels file
     * @param labelsFile where the labels came from, or null
     */
    public record IdxSet(Path path, int total, List<float[]> images, byte[] labels, Path labelsFile)
            implements Input {
    }

    /** A file that could not be used, and why (without the file name). */
    public record Failed(Path path, String reason) implements Input {
    }

    /**
     * @param labels labels for an IDX file instead of the one beside it, or null
     * @param limit  at most this many images of an IDX file (negative: all)
     */
    public static Input read(Path file, Path labels, int limit) {
        if (!Files.exists(file)) {
            return new Failed(file, "file not found");
        }
        if (Files.isDirectory(file)) {
            return new Failed(file, "a directory, not a picture or IDX file");
        }
        if (!Files.isReadable(file)) {
            return new Failed(file, "permission denied");
        }
        try {
            if (startsLikeIdx(file)) {
                return idx(file, labels, limit);
            }
            BufferedImage image = ImageIO.read(file.toFile());
            if (image == null) {
                return new Failed(file, NOT_AN_IMAGE);
            }
            Optional<float[]> pixels = DigitImage.prepare(image);
            return pixels.<Input>map(p -> new Picture(file, p))
                    .orElseGet(() -> new Failed(file, "no digit in the picture (it is blank)"));
        } catch (AccessDeniedException e) {
            return new Failed(file, "permission denied");
        } catch (IOException | RuntimeException e) {
            // ImageIO throws on a picture it recognises but cannot decode (a truncated PNG, say).
            return new Failed(file, "unreadable picture (" + message(e) + ")");
        }
    }

    /**
     * IDX files start with two zero bytes (the magic number is 0x0000080X); gzip with 1f 8b. No
     * picture format starts either way, so this tells them apart before ImageIO guesses.
     */
    private static boolean startsLikeIdx(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            int a = in.read();
            int b = in.read();
            return (a == 0 && b == 0) || (a == 0x1f && b == 0x8b);
        }
    }

    private static Input idx(Path file, Path labels, int limit) {
        Optional<String> problem = IdxFile.magicProblem(file, true);
        if (problem.isPresent()) {
            return new Failed(file, withoutFile(file, problem.get()));
        }
        IdxImages images;
        try {
            images = IdxFile.readImages(file);
        } catch (UserError e) {
            return new Failed(file, withoutFile(file, e.getMessage()));
        }
        if (images.rows() != DigitImage.SIDE || images.cols() != DigitImage.SIDE) {
            return new Failed(file, "images are " + images.rows() + "x" + images.cols()
                    + "; the network reads 28x28 images");
        }
        int n = limit < 0 ? images.count() : Math.min(limit, images.count());
        List<float[]> inputs = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            inputs.add(DigitImage.fromIdx(images.pixels(), i * images.pixelsPerImage()));
        }
        Path labelsFile = labels != null ? labels : besideLabels(file).orElse(null);
        if (labelsFile == null) {
            return new IdxSet(file, images.count(), inputs, null, null);
        }
        byte[] all;
        try {
            all = IdxFile.readLabels(labelsFile);
        } catch (UserError e) {
            return new Failed(file, "its labels " + e.getMessage());
        }
        if (all.length != images.count()) {
            return new Failed(file, images.count() + " images but " + all.length + " labels in " + labelsFile
                    + " (give the labels of these images with --labels FILE)");
        }
        byte[] first = new byte[n];
        System.arraycopy(all, 0, first, 0, n);
        return new IdxSet(file, images.count(), inputs, first, labelsFile);
    }

    /** MNIST's naming: t10k-images-idx3-ubyte(.gz) has its labels in t10k-labels-idx1-ubyte(.gz). */
    static Optional<Path> besideLabels(Path images) {
        String name = images.getFileName().toString();
        if (!name.contains("images-idx3")) {
            return Optional.empty();
        }
        String labels = name.replace("images-idx3", "labels-idx1");
        String bare = labels.endsWith(".gz") ? labels.substring(0, labels.length() - 3) : labels;
        for (String candidate : List.of(labels, bare, bare + ".gz")) {
            Path path = images.resolveSibling(candidate);
            if (Files.isRegularFile(path)) {
                return Optional.of(path);
            }
        }
        return Optional.empty();
    }

    /** IdxFile's messages start with the file; the caller names it itself. */
    private static String withoutFile(Path file, String message) {
        String prefix = file + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }

    private static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m.lines().findFirst().orElse(m);
    }
}
