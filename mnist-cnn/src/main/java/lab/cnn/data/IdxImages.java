package lab.cnn.data;

/** The content of an IDX image file: {@code count} images of rows x cols unsigned bytes, row-major. */
public record IdxImages(int count, int rows, int cols, byte[] pixels) {
    public IdxImages {
        if ((long) count * rows * cols != pixels.length) {
            throw new IllegalArgumentException(count + " x " + rows + " x " + cols + " != " + pixels.length + " pixels");
        }
    }

    public int pixelsPerImage() {
        return rows * cols;
    }
}
