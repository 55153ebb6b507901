package lab.cnn.data;

import java.util.Objects;

/**
 * A window of {@code count} consecutive images, starting at image {@code start}, over arrays
 * shared with the file they were read from: splitting and subsetting never copy pixels. An image
 * is rows x cols pixels of {@code channels} bytes each, channels last (as in the IDX file).
 * Pixels stay unsigned bytes (a quarter of the memory of floats); the iterator scales them.
 * The arrays are shared, so equality is identity of the arrays, not their content.
 */
public record ImageSplit(String name, int rows, int cols, int channels, byte[] pixels, byte[] labels, int start,
                         int count) {
    public ImageSplit {
        Objects.requireNonNull(name);
        if (rows <= 0 || cols <= 0 || channels <= 0 || start < 0 || count < 0) {
            throw new IllegalArgumentException("bad split " + name + ": " + rows + "x" + cols + "x" + channels
                    + " from " + start + " count " + count);
        }
        long total = pixels.length / ((long) rows * cols * channels);
        if (labels.length != total || (long) start + count > total) {
            throw new IllegalArgumentException("split " + name + " [" + start + ", " + (start + count) + ") outside "
                    + total + " images / " + labels.length + " labels");
        }
    }

    /** Grey images: one channel. */
    public ImageSplit(String name, int rows, int cols, byte[] pixels, byte[] labels, int start, int count) {
        this(name, rows, cols, 1, pixels, labels, start, count);
    }

    public int size() {
        return count;
    }

    /** Bytes per image: rows x cols x channels. */
    public int pixelsPerImage() {
        return rows * cols * channels;
    }

    /** Label of the i-th image of this split (0-based). */
    public int label(int i) {
        return labels[start + checkIndex(i)] & 0xFF;
    }

    /** Offset of the i-th image's first pixel in {@link #pixels()}. */
    public int pixelOffset(int i) {
        return (start + checkIndex(i)) * pixelsPerImage();
    }

    /** Byte {@code p} (row-major, channels last) of the i-th image, 0..255. */
    public int pixel(int i, int p) {
        return pixels[pixelOffset(i) + Objects.checkIndex(p, pixelsPerImage())] & 0xFF;
    }

    /** The window's first {@code n} images (all of them when n exceeds its size). */
    public ImageSplit first(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("negative limit " + n);
        }
        return new ImageSplit(name, rows, cols, channels, pixels, labels, start, Math.min(n, count));
    }

    private int checkIndex(int i) {
        return Objects.checkIndex(i, count);
    }
}
