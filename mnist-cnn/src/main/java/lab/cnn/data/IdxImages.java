package lab.cnn.data;

/**
 * The content of an IDX image file: {@code count} images of rows x cols x channels unsigned
 * bytes, row-major with the channels of a pixel side by side (N x H x W x C, as the file holds
 * them; grey images have one channel).
 */
public record IdxImages(int count, int rows, int cols, int channels, byte[] pixels) {
    public IdxImages {
        if (channels <= 0 || (long) count * rows * cols * channels != pixels.length) {
            throw new IllegalArgumentException(count + " x " + rows + " x " + cols + " x " + channels + " != "
                    + pixels.length + " pixels");
        }
    }

    /** Grey images (a 3-dimensional IDX file). */
    public IdxImages(int count, int rows, int cols, byte[] pixels) {
        this(count, rows, cols, 1, pixels);
    }

    public int pixelsPerImage() {
        return rows * cols * channels;
    }
}
