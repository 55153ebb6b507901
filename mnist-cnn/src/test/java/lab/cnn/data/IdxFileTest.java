package lab.cnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import lab.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class IdxFileTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void readsImagesAndLabels(boolean gzip) {
        Path images = IdxTestFiles.write(dir.resolve("img"), IdxTestFiles.images(300, 2, 3), gzip);
        Path labels = IdxTestFiles.write(dir.resolve("lab"), IdxTestFiles.labels(300), gzip);

        IdxImages read = IdxFile.readImages(images);
        assertEquals(300, read.count());
        assertEquals(2, read.rows());
        assertEquals(3, read.cols());
        assertEquals(6, read.pixelsPerImage());
        assertArrayEquals(Arrays.copyOfRange(IdxTestFiles.images(300, 2, 3), 16, 16 + 1800), read.pixels());
        assertEquals(257 & 0xFF, read.pixels()[257 * 6] & 0xFF);
        assertEquals(1, read.pixels()[257 * 6 + 1]);

        byte[] l = IdxFile.readLabels(labels);
        assertEquals(300, l.length);
        assertEquals(7, l[17]);
    }

    @Test
    void gzipIsDetectedByContentNotByName() {
        Path gzipWithoutSuffix = IdxTestFiles.write(dir.resolve("train-labels-idx1-ubyte"), IdxTestFiles.labels(5), true);
        Path rawWithSuffix = IdxTestFiles.write(dir.resolve("t10k-labels-idx1-ubyte.gz"), IdxTestFiles.labels(4), false);
        assertEquals(5, IdxFile.readLabels(gzipWithoutSuffix).length);
        assertEquals(4, IdxFile.readLabels(rawWithSuffix).length);
    }

    @Test
    void emptyFileIsAnError() {
        Path file = IdxTestFiles.write(dir.resolve("empty"), new byte[0], false);
        assertError(file, () -> IdxFile.readImages(file), "truncated");
    }

    @Test
    void labelFileGivenAsImagesNamesTheMixUp() {
        Path file = IdxTestFiles.write(dir.resolve("lab"), IdxTestFiles.labels(3), false);
        String message = assertError(file, () -> IdxFile.readImages(file), "magic number 2049, expected 2051");
        assertTrue(message.contains("this is an IDX label file"), message);
    }

    @Test
    void unknownMagicIsAnError() {
        byte[] bytes = IdxTestFiles.labels(3);
        bytes[3] = 0x42;
        Path file = IdxTestFiles.write(dir.resolve("lab"), bytes, false);
        assertError(file, () -> IdxFile.readLabels(file), "not an IDX label file");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void truncatedPayloadIsAnError(boolean gzip) {
        byte[] full = IdxTestFiles.images(10, 2, 3);
        Path file = IdxTestFiles.write(dir.resolve("img"), Arrays.copyOf(full, full.length - 1), gzip);
        String message = assertError(file, () -> IdxFile.readImages(file), "truncated");
        assertTrue(message.contains("10 images of 2x3 (60 bytes after the header), found 59"), message);
    }

    @Test
    void truncatedHeaderIsAnError() {
        Path file = IdxTestFiles.write(dir.resolve("img"), Arrays.copyOf(IdxTestFiles.images(1, 2, 3), 10), false);
        assertError(file, () -> IdxFile.readImages(file), "shorter than the 16-byte IDX image header");
    }

    @ParameterizedTest(name = "gzip={0}")
    @ValueSource(booleans = {false, true})
    void oversizedPayloadIsAnError(boolean gzip) {
        byte[] full = IdxTestFiles.labels(10);
        Path file = IdxTestFiles.write(dir.resolve("lab"), Arrays.copyOf(full, full.length + 3), gzip);
        assertError(file, () -> IdxFile.readLabels(file), "3 bytes beyond the 10 labels the header declares");
    }

    @Test
    void absurdHeaderDoesNotAllocate() {
        byte[] bytes = IdxTestFiles.images(1, 2, 3);
        bytes[4] = 0x7f; // count becomes ~2 billion
        Path file = IdxTestFiles.write(dir.resolve("img"), bytes, false);
        assertError(file, () -> IdxFile.readImages(file), "more than this reader supports");
    }

    @Test
    void labelOutsideTheClassesIsAnError() {
        byte[] bytes = IdxTestFiles.labels(20);
        bytes[8 + 13] = 10;
        Path file = IdxTestFiles.write(dir.resolve("lab"), bytes, false);
        assertError(file, () -> IdxFile.readLabels(file), "label 10 at index 13 is outside 0..9");
        assertEquals(10, IdxFile.readLabels(file, 11)[13]);
        assertError(file, () -> IdxFile.readLabels(file, 5), "label 5 at index 5 is outside 0..4");
    }

    @Test
    void corruptGzipIsAnError() {
        byte[] gz = IdxTestFiles.gzip(IdxTestFiles.images(50, 2, 3));
        Path file = IdxTestFiles.write(dir.resolve("img.gz"), Arrays.copyOf(gz, gz.length / 2), false);
        assertError(file, () -> IdxFile.readImages(file), "corrupt or truncated gzip data");
    }

    @Test
    void missingFileIsAnError() {
        Path file = dir.resolve("nope");
        assertError(file, () -> IdxFile.readLabels(file), "file not found");
    }

    /** One line, starting with the path, with the problem and a hint in parentheses. */
    static String assertError(Path file, Runnable action, String expected) {
        UserError e = assertThrows(UserError.class, action::run);
        String message = e.getMessage();
        assertEquals(UserError.RUNTIME, e.exitCode());
        assertTrue(message.startsWith(file + ": "), message);
        assertTrue(message.contains(expected), message);
        assertTrue(message.endsWith(")"), message);
        assertFalse(message.contains("\n"), message);
        return message;
    }
}
