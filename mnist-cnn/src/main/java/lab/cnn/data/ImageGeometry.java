package lab.cnn.data;

/**
 * What a dataset's images look like to a network: height x width pixels of {@code channels}
 * values each (1 grey, 3 colour), and {@code classes} labels 0..classes-1. The cnn builds its
 * input and output layers from it.
 */
public record ImageGeometry(int height, int width, int channels, int classes) {
    /** MNIST, Fashion-MNIST: 28x28 grey, 10 classes. */
    public static final ImageGeometry MNIST = new ImageGeometry(28, 28, 1, 10);

    public ImageGeometry {
        if (height <= 0 || width <= 0 || channels <= 0 || classes <= 0) {
            throw new IllegalArgumentException("bad image geometry " + height + "x" + width + "x" + channels + ", "
                    + classes + " classes");
        }
    }

    /** Values per image: the length of a flattened image. */
    public int pixels() {
        return height * width * channels;
    }

    /** "28x28, 10 classes" for grey images, "32x32x3, 26 classes" otherwise. */
    public String describe() {
        return height + "x" + width + (channels == 1 ? "" : "x" + channels) + ", " + classes + " classes";
    }
}
