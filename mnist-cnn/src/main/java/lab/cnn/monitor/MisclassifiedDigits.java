package lab.cnn.monitor;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.DataSet;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;

/**
 * The test images the network gets wrong, as one picture: up to {@value #MAX_SHOWN} of them from
 * the first {@value #SCANNED} test images (inference on those alone: a tenth of a full test
 * evaluation), each with "predicted/true" under it. Square images only.
 */
final class MisclassifiedDigits {
    static final int MAX_SHOWN = 32;
    static final int SCANNED = 1000;
    private static final int COLUMNS = 8;
    private static final int SCALE = 2;
    private static final int LABEL_HEIGHT = 14;

    private record Miss(float[] pixels, int predicted, int actual) {
    }

    private MisclassifiedDigits() {
    }

    /** Null if no image among those scanned is misclassified, or the images are not square. */
    static BufferedImage find(MultiLayerNetwork net, DataSetIterator test) {
        List<Miss> misses = new ArrayList<>();
        int side = 0;
        int seen = 0;
        test.reset();
        while (test.hasNext() && seen < SCANNED && misses.size() < MAX_SHOWN) {
            DataSet batch = test.next();
            INDArray features = batch.getFeatures();
            int pixels = (int) features.size(1);
            side = (int) Math.round(Math.sqrt(pixels));
            if (side * side != pixels) {
                test.reset();
                return null;
            }
            int[] predicted = net.output(features, false).argMax(1).toIntVector();
            int[] actual = batch.getLabels().argMax(1).toIntVector();
            for (int i = 0; i < predicted.length && misses.size() < MAX_SHOWN; i++) {
                if (predicted[i] != actual[i]) {
                    misses.add(new Miss(features.getRow(i).toFloatVector(), predicted[i], actual[i]));
                }
            }
            seen += predicted.length;
        }
        test.reset();
        return misses.isEmpty() ? null : draw(misses, side);
    }

    private static BufferedImage draw(List<Miss> misses, int side) {
        int columns = Math.min(COLUMNS, misses.size());
        int rows = (misses.size() + columns - 1) / columns;
        int tileW = side * SCALE + 4;
        int tileH = side * SCALE + LABEL_HEIGHT;
        BufferedImage image = new BufferedImage(columns * tileW, rows * tileH, BufferedImage.TYPE_BYTE_GRAY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.DARK_GRAY);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
            for (int m = 0; m < misses.size(); m++) {
                Miss miss = misses.get(m);
                int x0 = (m % columns) * tileW + 2;
                int y0 = (m / columns) * tileH;
                for (int y = 0; y < side; y++) {
                    for (int x = 0; x < side; x++) {
                        int grey = Math.round(255 * Math.max(0, Math.min(1, miss.pixels()[y * side + x])));
                        g.setColor(new Color(grey, grey, grey));
                        g.fillRect(x0 + x * SCALE, y0 + y * SCALE, SCALE, SCALE);
                    }
                }
                g.setColor(Color.WHITE);
                g.drawString(miss.predicted() + "/" + miss.actual(), x0 + 2, y0 + side * SCALE + LABEL_HEIGHT - 3);
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
