package lab.cnn.predict;

import java.awt.color.ColorSpace;
import java.awt.image.BufferedImage;
import java.awt.image.Raster;
import java.util.Optional;

/**
 * Any picture of one digit made into what the network was trained on, the way MNIST itself was
 * made (LeCun et al.): grey, light ink on a dark background, cropped to the ink, the longer side
 * scaled to 20 pixels (aspect ratio kept, area-averaged, so anti-aliased), placed in a 28x28 field
 * so that its centre of mass lies at pixel (14, 14), values in [0, 1] like the training data
 * ({@code byte / 255}, see {@link lab.cnn.data.ImageDataSetIterator}).
 *
 * <p>Only pure functions on float arrays: no DL4J, so the steps can be tested one by one.
 */
public final class DigitImage {
    public static final int SIDE = 28;
    /** MNIST's digits fill a 20x20 box inside the 28x28 field. */
    public static final int BOX = 20;
    /** The target of the centre of mass, in pixel indices (MNIST's convention: 14, not 13.5). */
    public static final double CENTRE = 14.0;
    /** Ink at or below this fraction of the darkest stroke is background (JPEG noise, paper grain). */
    static final double INK_THRESHOLD = 0.1;

    private DigitImage() {
    }

    /** A grey picture: {@code width * height} values in [0, 1], row-major. */
    public record Grey(int width, int height, float[] values) {
        public Grey {
            if (width <= 0 || height <= 0 || values.length != width * height) {
                throw new IllegalArgumentException(width + "x" + height + " != " + values.length + " values");
            }
        }

        float at(int x, int y) {
            return values[y * width + x];
        }
    }

    /**
     * The 28x28 network input (row-major, [0, 1]) for {@code image}, or empty when it holds no ink
     * (a blank picture).
     */
    public static Optional<float[]> prepare(BufferedImage image) {
        return prepare(grey(image));
    }

    /** The steps after the conversion to grey. */
    public static Optional<float[]> prepare(Grey grey) {
        Grey ink = ink(grey);
        int[] box = inkBox(ink);
        if (box == null) {
            return Optional.empty();
        }
        Grey cropped = crop(ink, box);
        int longer = Math.max(cropped.width(), cropped.height());
        int w = Math.max(1, (int) Math.round((double) cropped.width() * BOX / longer));
        int h = Math.max(1, (int) Math.round((double) cropped.height() * BOX / longer));
        return Optional.of(centreByMass(resample(cropped, w, h)));
    }

    /**
     * Luminance (ITU-R BT.601: 0.299 R + 0.587 G + 0.114 B) in [0, 1]; transparent pixels are
     * composited over white, as a viewer shows them.
     */
    public static Grey grey(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        float[] values = new float[w * h];
        if (image.getColorModel().getColorSpace().getType() == ColorSpace.TYPE_GRAY) {
            return rawGrey(image);
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int argb = image.getRGB(x, y);
                double alpha = (argb >>> 24) / 255.0;
                double lum = (0.299 * ((argb >> 16) & 0xFF) + 0.587 * ((argb >> 8) & 0xFF) + 0.114 * (argb & 0xFF))
                        / 255.0;
                values[y * w + x] = (float) (alpha * lum + (1 - alpha));
            }
        }
        return new Grey(w, h, values);
    }

    /**
     * A grey picture's own samples: {@code getRGB} would convert Java's linear grey colour space
     * to sRGB and brighten mid-greys (an MNIST 128 would come back as 186).
     */
    private static Grey rawGrey(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        Raster raster = image.getRaster();
        boolean alpha = image.getColorModel().hasAlpha();
        double max = (1 << image.getColorModel().getComponentSize(0)) - 1;
        double alphaMax = alpha ? (1 << image.getColorModel().getComponentSize(1)) - 1 : 1;
        float[] values = new float[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double a = alpha ? raster.getSample(x, y, 1) / alphaMax : 1;
                values[y * w + x] = (float) (a * raster.getSample(x, y, 0) / max + (1 - a));
            }
        }
        return new Grey(w, h, values);
    }

    /** The mean of the outermost row and column of pixels: the background's level. */
    static double borderMean(Grey g) {
        double sum = 0;
        int n = 0;
        for (int x = 0; x < g.width(); x++) {
            sum += g.at(x, 0) + g.at(x, g.height() - 1);
            n += 2;
        }
        for (int y = 1; y < g.height() - 1; y++) {
            sum += g.at(0, y) + g.at(g.width() - 1, y);
            n += 2;
        }
        return sum / n;
    }

    /** Whether the digit is dark on a light background (a drawing, a photo of paper), so must be inverted. */
    public static boolean lightBackground(Grey g) {
        return borderMean(g) > 0.5;
    }

    /**
     * Ink as MNIST has it: 0 for background, 1 for the strongest stroke. Inverted when the
     * background is light; the background level is subtracted and the contrast stretched, so
     * grey paper or a faint pencil still give a black field and a full-strength digit.
     */
    static Grey ink(Grey g) {
        boolean invert = lightBackground(g);
        float[] v = new float[g.values().length];
        float max = 0;
        for (int i = 0; i < v.length; i++) {
            v[i] = invert ? 1 - g.values()[i] : g.values()[i];
            max = Math.max(max, v[i]);
        }
        float background = (float) (invert ? 1 - borderMean(g) : borderMean(g));
        float range = max - background;
        for (int i = 0; i < v.length; i++) {
            v[i] = range <= 1e-6f ? 0 : Math.max(0, Math.min(1, (v[i] - background) / range));
        }
        return new Grey(g.width(), g.height(), v);
    }

    /** {xMin, yMin, xMax, yMax} (inclusive) of the pixels above {@link #INK_THRESHOLD}, or null if none. */
    static int[] inkBox(Grey g) {
        int x0 = Integer.MAX_VALUE;
        int y0 = Integer.MAX_VALUE;
        int x1 = -1;
        int y1 = -1;
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                if (g.at(x, y) > INK_THRESHOLD) {
                    x0 = Math.min(x0, x);
                    y0 = Math.min(y0, y);
                    x1 = Math.max(x1, x);
                    y1 = Math.max(y1, y);
                }
            }
        }
        return x1 < 0 ? null : new int[] {x0, y0, x1, y1};
    }

    static Grey crop(Grey g, int[] box) {
        int w = box[2] - box[0] + 1;
        int h = box[3] - box[1] + 1;
        float[] v = new float[w * h];
        for (int y = 0; y < h; y++) {
            System.arraycopy(g.values(), (box[1] + y) * g.width() + box[0], v, y * w, w);
        }
        return new Grey(w, h, v);
    }

    /**
     * Area-averaging resampling: each target pixel is the mean of the source area it covers
     * (fractional pixels weighted by coverage), which anti-aliases when shrinking.
     */
    static Grey resample(Grey g, int w, int h) {
        float[] v = new float[w * h];
        double sx = (double) g.width() / w;
        double sy = (double) g.height() / h;
        for (int ty = 0; ty < h; ty++) {
            double ya = ty * sy;
            double yb = ya + sy;
            for (int tx = 0; tx < w; tx++) {
                double xa = tx * sx;
                double xb = xa + sx;
                double sum = 0;
                for (int y = (int) ya; y < Math.min(g.height(), Math.ceil(yb)); y++) {
                    double wy = Math.min(yb, y + 1) - Math.max(ya, y);
                    for (int x = (int) xa; x < Math.min(g.width(), Math.ceil(xb)); x++) {
                        double wx = Math.min(xb, x + 1) - Math.max(xa, x);
                        sum += wx * wy * g.at(x, y);
                    }
                }
                v[ty * w + tx] = (float) (sum / (sx * sy));
            }
        }
        return new Grey(w, h, v);
    }

    /** Centre of mass {x, y} in pixel indices; the image must hold some ink. */
    public static double[] centreOfMass(float[] values, int width) {
        double sum = 0;
        double sx = 0;
        double sy = 0;
        for (int i = 0; i < values.length; i++) {
            sum += values[i];
            sx += values[i] * (i % width);
            sy += values[i] * (i / width);
        }
        return new double[] {sx / sum, sy / sum};
    }

    /**
     * {@code g} in a 28x28 field, shifted by whole pixels so that its centre of mass lands within
     * half a pixel of (14, 14); a lopsided digit may lose a few pixels at the edge.
     */
    static float[] centreByMass(Grey g) {
        double[] com = centreOfMass(g.values(), g.width());
        int dx = (int) Math.round(CENTRE - com[0]);
        int dy = (int) Math.round(CENTRE - com[1]);
        float[] field = new float[SIDE * SIDE];
        for (int y = 0; y < g.height(); y++) {
            for (int x = 0; x < g.width(); x++) {
                int fx = x + dx;
                int fy = y + dy;
                if (fx >= 0 && fx < SIDE && fy >= 0 && fy < SIDE) {
                    field[fy * SIDE + fx] = g.at(x, y);
                }
            }
        }
        return field;
    }

    /** The training data's scaling of one IDX image: unsigned bytes / 255. */
    public static float[] fromIdx(byte[] pixels, int offset) {
        float[] v = new float[SIDE * SIDE];
        for (int p = 0; p < v.length; p++) {
            v[p] = (pixels[offset + p] & 0xFF) / 255f;
        }
        return v;
    }

    /** A 28x28 grey picture of IDX bytes, as MNIST shows it: light digit on black. */
    public static BufferedImage toImage(byte[] pixels, int offset) {
        BufferedImage image = new BufferedImage(SIDE, SIDE, BufferedImage.TYPE_BYTE_GRAY);
        for (int p = 0; p < SIDE * SIDE; p++) {
            int v = pixels[offset + p] & 0xFF;
            image.getRaster().setSample(p % SIDE, p / SIDE, 0, v);
        }
        return image;
    }
}
