package lab.cnn.experiment;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import lab.cnn.data.IdxFile;

/**
 * A learnable colour dataset in IDX form for tests: class k is a bright square in quadrant k % 4,
 * in colour channel k % channels, over noise. Images are N x H x W x C (magic 2052).
 */
final class ColourBlobs {
    private ColourBlobs() {
    }

    /** The four MNIST-named files in {@code dir}: {@code train} training and {@code test} test images. */
    static Path write(Path dir, int train, int test, int size, int channels, int classes, long seed)
            throws IOException {
        Random random = new Random(seed);
        Files.createDirectories(dir);
        write(dir, "train", train, size, channels, classes, random);
        write(dir, "t10k", test, size, channels, classes, random);
        return dir;
    }

    private static void write(Path dir, String prefix, int count, int size, int channels, int classes, Random random)
            throws IOException {
        ByteBuffer images = ByteBuffer.allocate(20 + count * size * size * channels);
        images.putInt(IdxFile.COLOUR_IMAGE_MAGIC).putInt(count).putInt(size).putInt(size).putInt(channels);
        ByteBuffer labels = ByteBuffer.allocate(8 + count);
        labels.putInt(IdxFile.LABEL_MAGIC).putInt(count);
        int half = size / 2;
        for (int i = 0; i < count; i++) {
            int label = i % classes;
            labels.put((byte) label);
            int top = (label % 4) / 2 * half + half / 4;
            int left = (label % 4) % 2 * half + half / 4;
            for (int y = 0; y < size; y++) {
                for (int x = 0; x < size; x++) {
                    boolean inSquare = y >= top && y < top + half / 2 && x >= left && x < left + half / 2;
                    for (int c = 0; c < channels; c++) {
                        int value = random.nextInt(60) + (inSquare && c == label % channels ? 190 : 0);
                        images.put((byte) value);
                    }
                }
            }
        }
        Files.write(dir.resolve("train".equals(prefix) ? "train-images-idx3-ubyte" : "t10k-images-idx3-ubyte"),
                images.array());
        Files.write(dir.resolve("train".equals(prefix) ? "train-labels-idx1-ubyte" : "t10k-labels-idx1-ubyte"),
                labels.array());
    }
}
