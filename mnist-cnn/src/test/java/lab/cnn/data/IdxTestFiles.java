package lab.cnn.data;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.zip.GZIPOutputStream;

/**
 * Tiny IDX datasets for tests. Image i of a file carries its own index in pixels 0 and 1
 * (low byte, high byte), then 255, then 0, ...: a batch tells which samples it holds. Label = i % 10.
 */
final class IdxTestFiles {
    static final int ROWS = 2;
    static final int COLS = 3;

    private IdxTestFiles() {
    }

    static byte[] images(int count, int rows, int cols) {
        ByteBuffer buf = ByteBuffer.allocate(16 + count * rows * cols);
        buf.putInt(IdxFile.IMAGE_MAGIC).putInt(count).putInt(rows).putInt(cols);
        for (int i = 0; i < count; i++) {
            for (int p = 0; p < rows * cols; p++) {
                buf.put((byte) pixel(i, p));
            }
        }
        return buf.array();
    }

    static int pixel(int image, int p) {
        return switch (p) {
            case 0 -> image & 0xFF;
            case 1 -> (image >> 8) & 0xFF;
            case 2 -> 255;
            default -> (image * 31 + p) & 0xFF;
        };
    }

    static byte[] labels(int count) {
        ByteBuffer buf = ByteBuffer.allocate(8 + count);
        buf.putInt(IdxFile.LABEL_MAGIC).putInt(count);
        for (int i = 0; i < count; i++) {
            buf.put((byte) (i % 10));
        }
        return buf.array();
    }

    static Path write(Path file, byte[] content, boolean gzip) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, gzip ? gzip(content) : content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The content of each part of a dataset with {@code train} and {@code test} images. */
    static Map<IdxPart, byte[]> contents(int train, int test) {
        Map<IdxPart, byte[]> contents = new EnumMap<>(IdxPart.class);
        contents.put(IdxPart.TRAIN_IMAGES, images(train, ROWS, COLS));
        contents.put(IdxPart.TRAIN_LABELS, labels(train));
        contents.put(IdxPart.TEST_IMAGES, images(test, ROWS, COLS));
        contents.put(IdxPart.TEST_LABELS, labels(test));
        return contents;
    }

    /** Writes the four files under MNIST's names (plus {@code .gz} when gzipped). */
    static Path dataset(Path dir, int train, int test, boolean gzip) {
        contents(train, test).forEach((part, bytes) -> write(dir.resolve(part.fileName() + (gzip ? ".gz" : "")), bytes, gzip));
        return dir;
    }

    static Map<IdxPart, Checksum> checksums(int train, int test) {
        Map<IdxPart, Checksum> sums = new EnumMap<>(IdxPart.class);
        contents(train, test).forEach((part, bytes) -> sums.put(part, new Checksum(bytes.length, sha256(bytes))));
        return sums;
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
