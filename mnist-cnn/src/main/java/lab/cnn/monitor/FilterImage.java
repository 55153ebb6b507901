package lab.cnn.monitor;

import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A convolution layer's filters as one grey image: a grid of {@value #COLUMNS} columns, each
 * filter's pixels enlarged {@value #SCALE} times, 2-pixel gaps. One scale for all filters
 * (mid-grey = 0, white/black = the largest |weight| of the layer), so filters compare by
 * strength as well as by shape.
 */
final class FilterImage {
    static final int COLUMNS = 8;
    static final int SCALE = 8;
    private static final int GAP = 2;

    private FilterImage() {
    }

    /** @param weights a convolution layer's W, [out channels, in channels, height, width] */
    static BufferedImage of(INDArray weights) {
        long[] shape = weights.shape();
        int tiles = (int) (shape[0] * shape[1]);
        int kh = (int) shape[2];
        int kw = (int) shape[3];
        float[] w = weights.dup('c').data().asFloat();
        float maxAbs = 1e-12f;
        for (float v : w) {
            maxAbs = Math.max(maxAbs, Math.abs(v));
        }
        int columns = Math.min(COLUMNS, tiles);
        int rows = (tiles + columns - 1) / columns;
        int tileW = kw * SCALE + GAP;
        int tileH = kh * SCALE + GAP;
        BufferedImage image = new BufferedImage(columns * tileW + GAP, rows * tileH + GAP, BufferedImage.TYPE_BYTE_GRAY);
        WritableRaster raster = image.getRaster();
        for (int t = 0; t < tiles; t++) {
            int x0 = GAP + (t % columns) * tileW;
            int y0 = GAP + (t / columns) * tileH;
            for (int y = 0; y < kh; y++) {
                for (int x = 0; x < kw; x++) {
                    int grey = Math.round(127.5f + 127.5f * w[(t * kh + y) * kw + x] / maxAbs);
                    for (int dy = 0; dy < SCALE; dy++) {
                        for (int dx = 0; dx < SCALE; dx++) {
                            raster.setSample(x0 + x * SCALE + dx, y0 + y * SCALE + dy, 0, grey);
                        }
                    }
                }
            }
        }
        return image;
    }
}
