package lab.cnn.predict;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import lab.cnn.data.IdxImages;
import lab.core.io.AtomicFiles;

/**
 * The pictures of {@code examples/}: the first test image of every class as a 28x28 PNG
 * ({@code mnist-test-INDEX-LABEL.png}, exactly its IDX bytes) and the {@link HandDrawnDigits}
 * ({@code drawn-DIGIT-WHAT.png}, 200x200).
 */
public final class ExampleDigits {
    private ExampleDigits() {
    }

    public static String testFileName(int index, int label) {
        return "mnist-test-" + index + "-" + label + ".png";
    }

    /** Writes the first test image of each class into {@code dir}; returns the files in class order. */
    public static List<Path> writeTestDigits(IdxImages images, byte[] labels, Path dir) {
        List<Path> written = new ArrayList<>();
        for (int digit = 0; digit < 10; digit++) {
            for (int i = 0; i < images.count(); i++) {
                if ((labels[i] & 0xFF) == digit) {
                    Path file = dir.resolve(testFileName(i, digit));
                    writePng(DigitImage.toImage(images.pixels(), i * images.pixelsPerImage()), file);
                    written.add(file);
                    break;
                }
            }
        }
        return written;
    }

    /** Writes every hand-drawn example into {@code dir}. */
    public static List<Path> writeDrawn(Path dir) {
        List<Path> written = new ArrayList<>();
        for (HandDrawnDigits.Drawing d : HandDrawnDigits.ALL) {
            Path file = dir.resolve(d.fileName());
            writePng(HandDrawnDigits.draw(d), file);
            written.add(file);
        }
        return written;
    }

    public static void writePng(BufferedImage image, Path file) {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }
}
