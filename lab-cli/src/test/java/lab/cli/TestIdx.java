package lab.cli;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/** Small IDX files (the MNIST format) for tests: whole, cut short, or with a wrong magic number. */
final class TestIdx {
    static final int IMAGES = 0x803;
    static final int LABELS = 0x801;

    private TestIdx() {
    }

    /** A directory of the four MNIST-named files: {@code train} 28x28 training images, {@code test} test images. */
    static Path dataset(Path dir, int train, int test) throws IOException {
        Files.createDirectories(dir);
        images(dir.resolve("train-images-idx3-ubyte"), IMAGES, train, train);
        labels(dir.resolve("train-labels-idx1-ubyte"), train);
        images(dir.resolve("t10k-images-idx3-ubyte"), IMAGES, test, test);
        labels(dir.resolve("t10k-labels-idx1-ubyte"), test);
        return dir;
    }

    /**
     * An image file whose header says {@code magic} and {@code declared} 28x28 images and which
     * holds {@code actual} of them (fewer: truncated).
     */
    static void images(Path file, int magic, int declared, int actual) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(16 + actual * 28 * 28);
        b.putInt(magic).putInt(declared).putInt(28).putInt(28);
        for (int i = 16; i < b.capacity(); i++) {
            b.put(i, (byte) (i * 31));
        }
        Files.write(file, b.array());
    }

    static void labels(Path file, int count) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(8 + count);
        b.putInt(LABELS).putInt(count);
        for (int i = 0; i < count; i++) {
            b.put((byte) (i % 10));
        }
        Files.write(file, b.array());
    }
}
