package lab.cnn.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link DigitInputs}: every kind of file, and every bad one as a reason instead of an exception. */
class DigitInputsTest {
    @TempDir
    Path tmp;

    static byte[] idxImages(int magic, int count, int side) {
        ByteBuffer b = ByteBuffer.allocate(16 + count * side * side);
        b.putInt(magic).putInt(count).putInt(side).putInt(side);
        for (int i = 16; i < b.capacity(); i++) {
            b.put(i, (byte) (i * 7));
        }
        return b.array();
    }

    static byte[] idxLabels(int count) {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(0x801).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) ((i * 3) % 10));
        }
        return b.array();
    }

    static String reason(DigitInputs.Input input) {
        return assertInstanceOf(DigitInputs.Failed.class, input).reason();
    }

    @Test
    void badFilesBecomeOneReasonEach() throws IOException {
        assertEquals("file not found", reason(DigitInputs.read(tmp.resolve("missing.png"), null, -1)));
        assertEquals("a directory, not a picture or IDX file", reason(DigitInputs.read(tmp, null, -1)));
        Path text = Files.writeString(tmp.resolve("notes.png"), "not a picture\n");
        assertEquals(DigitInputs.NOT_AN_IMAGE, reason(DigitInputs.read(text, null, -1)));
        Path labels = Files.write(tmp.resolve("t10k-labels-idx1-ubyte"), idxLabels(5));
        assertEquals("not an IDX image file: magic number 2049, expected 2051; this is an IDX label file",
                reason(DigitInputs.read(labels, null, -1)));
        Path wrongMagic = Files.write(tmp.resolve("odd-idx3-ubyte"), idxImages(0x0999, 2, 28));
        assertEquals("not an IDX image file: magic number 2457, expected 2051",
                reason(DigitInputs.read(wrongMagic, null, -1)));
        byte[] whole = idxImages(0x803, 3, 28);
        Path truncated = Files.write(tmp.resolve("cut-idx3-ubyte"), java.util.Arrays.copyOf(whole, 100));
        assertTrue(reason(DigitInputs.read(truncated, null, -1)).startsWith("truncated: header declares 3 images"));
        Path small = Files.write(tmp.resolve("small-idx3-ubyte"), idxImages(0x803, 2, 8));
        assertEquals("images are 8x8; the network reads 28x28 images", reason(DigitInputs.read(small, null, -1)));
        Path halfPng = tmp.resolve("half.png");
        byte[] png = png(picture(Color.WHITE));
        Files.write(halfPng, java.util.Arrays.copyOf(png, png.length / 2));
        assertTrue(reason(DigitInputs.read(halfPng, null, -1)).startsWith("unreadable picture ("));
        Path blank = Files.write(tmp.resolve("blank.png"), png(picture(Color.WHITE)));
        assertEquals("no digit in the picture (it is blank)", reason(DigitInputs.read(blank, null, -1)));
    }

    @Test
    void aPictureBecomesOneInput() throws IOException {
        BufferedImage digit = new BufferedImage(30, 30, BufferedImage.TYPE_INT_RGB);
        var g = digit.createGraphics();
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, 30, 30);
        g.setColor(Color.BLACK);
        g.fillRect(10, 5, 6, 20);
        g.dispose();
        Path file = Files.write(tmp.resolve("digit.png"), png(digit));
        DigitInputs.Picture picture = assertInstanceOf(DigitInputs.Picture.class, DigitInputs.read(file, null, -1));
        assertArrayEquals(DigitImage.prepare(digit).orElseThrow(), picture.pixels());
    }

    @Test
    void anIdxFileGivesItsImagesAndTheLabelsBesideIt() throws IOException {
        Path images = Files.write(tmp.resolve("t10k-images-idx3-ubyte"), idxImages(0x803, 5, 28));
        DigitInputs.IdxSet alone = assertInstanceOf(DigitInputs.IdxSet.class, DigitInputs.read(images, null, 3));
        assertEquals(5, alone.total());
        assertEquals(3, alone.images().size());
        assertNull(alone.labels());
        byte[] raw = Files.readAllBytes(images);
        assertArrayEquals(DigitImage.fromIdx(raw, 16 + 784), alone.images().get(1));
        assertEquals((raw[16 + 784 + 5] & 0xFF) / 255f, alone.images().get(1)[5]);

        Path labels = Files.write(tmp.resolve("t10k-labels-idx1-ubyte.gz"), gzip(idxLabels(5)));
        DigitInputs.IdxSet set = assertInstanceOf(DigitInputs.IdxSet.class, DigitInputs.read(images, null, -1));
        assertEquals(labels, set.labelsFile());
        assertArrayEquals(new byte[] {0, 3, 6, 9, 2}, set.labels());

        Path other = Files.write(tmp.resolve("mine.idx1"), idxLabels(4));
        assertEquals("5 images but 4 labels in " + other + " (give the labels of these images with --labels FILE)",
                reason(DigitInputs.read(images, other, -1)));
        Path gz = Files.write(tmp.resolve("x-images-idx3-ubyte.gz"), gzip(idxImages(0x803, 2, 28)));
        assertEquals(2, assertInstanceOf(DigitInputs.IdxSet.class, DigitInputs.read(gz, null, -1)).images().size());
    }

    static BufferedImage picture(Color paper) {
        BufferedImage image = new BufferedImage(30, 30, BufferedImage.TYPE_INT_RGB);
        var g = image.createGraphics();
        g.setColor(paper);
        g.fillRect(0, 0, 30, 30);
        g.dispose();
        return image;
    }

    static byte[] png(BufferedImage image) throws IOException {
        var out = new java.io.ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(bytes)) {
            out.write(data);
        }
        return bytes.toByteArray();
    }
}
