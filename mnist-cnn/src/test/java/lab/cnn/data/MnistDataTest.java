package lab.cnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistDataTest {
    @TempDir
    Path tmp;

    @Test
    void firstImagesTrainLastImagesValidateT10kTests() {
        Path dir = IdxTestFiles.dataset(tmp, 30, 7, false);
        MnistData data = MnistData.load(dir, 5, 10);

        assertEquals(25, data.train().size());
        assertEquals(5, data.validation().size());
        assertEquals(7, data.test().size());
        for (int i = 0; i < 25; i++) {
            assertEquals(i, data.train().pixel(i, 0), "train image " + i);
            assertEquals(i % 10, data.train().label(i));
        }
        for (int i = 0; i < 5; i++) {
            assertEquals(25 + i, data.validation().pixel(i, 0), "validation image " + i);
            assertEquals((25 + i) % 10, data.validation().label(i));
        }
        for (int i = 0; i < 7; i++) {
            assertEquals(i, data.test().pixel(i, 0));
        }
        assertSame(data.train().pixels(), data.validation().pixels(), "splits are views, not copies");
        assertEquals("train 25, validation 5, test 7 images of 2x3, 10 classes", data.describe());
    }

    @Test
    void defaultsAreTheAssignmentsSplit() {
        assertEquals(5_000, MnistData.VALIDATION_SIZE);
        assertEquals(10, MnistData.NUM_CLASSES);
        Path dir = IdxTestFiles.dataset(tmp, 5_010, 3, true);
        MnistData data = MnistData.load(dir);
        assertEquals(10, data.train().size());
        assertEquals(5_000, data.validation().size());
        assertEquals(10, data.validation().pixel(0, 0));
    }

    @Test
    void gzippedAndDottedNamesLoad() {
        Path dir = tmp.resolve("dotted");
        IdxTestFiles.contents(12, 4).forEach((part, bytes) ->
                IdxTestFiles.write(dir.resolve(part.fileName().replace("-idx", ".idx") + ".gz"), bytes, true));
        MnistData data = MnistData.load(dir, 2, 10);
        assertEquals(10, data.train().size());
        assertEquals(4, data.test().size());
    }

    @Test
    void subsetTakesTheFirstImagesOfEachSplit() {
        MnistData data = MnistData.load(IdxTestFiles.dataset(tmp, 30, 7, false), 5, 10);
        MnistData small = data.subset(4, 3);
        assertEquals(4, small.train().size());
        assertEquals(3, small.validation().size());
        assertEquals(3, small.test().size());
        assertEquals(25, small.validation().pixel(0, 0));
        assertEquals(2, small.test().pixel(2, 0));

        MnistData larger = data.subset(100, 5, 100);
        assertEquals(25, larger.train().size(), "a limit above the size keeps the split whole");
        assertEquals(7, larger.test().size());
    }

    @Test
    void tooFewTrainingImagesIsAnError() {
        Path dir = IdxTestFiles.dataset(tmp, 5, 2, false);
        UserError e = assertThrows(UserError.class, () -> MnistData.load(dir, 5, 10));
        assertTrue(e.getMessage().contains("only 5 training images, too few to hold out the last 5"), e.getMessage());
    }

    @Test
    void labelsMustMatchImages() {
        Path dir = IdxTestFiles.dataset(tmp, 20, 4, false);
        IdxTestFiles.write(dir.resolve("t10k-labels-idx1-ubyte"), IdxTestFiles.labels(5), false);
        UserError e = assertThrows(UserError.class, () -> MnistData.load(dir, 5, 10));
        assertTrue(e.getMessage().endsWith("t10k-labels-idx1-ubyte: 5 labels for 4 images"
                + " (the image and label files must belong together)"), e.getMessage());
    }

    @Test
    void missingFilesAreNamed() throws IOException {
        Path dir = IdxTestFiles.dataset(tmp, 20, 4, false);
        Files.delete(dir.resolve("train-labels-idx1-ubyte"));
        UserError e = assertThrows(UserError.class, () -> MnistData.load(dir));
        assertTrue(e.getMessage().startsWith(dir + ": missing train-labels-idx1-ubyte(.gz)"), e.getMessage());
    }

    /** Debian's dataset-fashion-mnist package: gzipped, MNIST's names. Runs only where installed. */
    @Test
    void fashionMnistFromDebianLoads() {
        Path dir = Path.of("/usr/share/datasets/fashion-mnist");
        assumeTrue(IdxFileSet.find(dir).complete(), "dataset-fashion-mnist is not installed");
        MnistData data = MnistData.load(dir);
        assertEquals("train 55000, validation 5000, test 10000 images of 28x28, 10 classes", data.describe());
        assertEquals(9, data.train().label(0)); // ankle boot, per the Fashion-MNIST README
    }
}
