package lab.mlp.plot;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.awt.image.WritableRaster;
import java.util.Locale;
import lab.mlp.data.Dataset;
import lab.mlp.model.Network;
import lab.mlp.train.PassEvent;

/**
 * A small decision-boundary picture for animations and image logs: one pixel per cell of the
 * {@link DecisionBoundaryChart} grid, the points on top and a caption line, drawn straight into a
 * palette image (no antialiasing), so GIF frames stay a few KB and render in milliseconds.
 */
public final class BoundaryFrame {
    /** Height of the caption strip under the grid. */
    static final int CAPTION = 16;
    private static final int WHITE = 0;
    private static final int BLACK = 1;
    private static final int FIRST_CLASS = 2;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private BoundaryFrame() {
    }

    /** The frame for a listener's event, captioned with pass, loss and accuracy. */
    public static BufferedImage render(PassEvent e) {
        return render(e.network(), e.data(), String.format(Locale.ROOT, "pass %d loss %.4f acc %.3f",
                e.pass(), e.loss(), e.accuracy()));
    }

    /** Runs the network forward over the grid (through its batch: see PassListener). */
    public static BufferedImage render(Network net, Dataset data, String caption) {
        ScatterChart.requireTwoFeatures(data);
        int grid = DecisionBoundaryChart.GRID;
        double[] xr = Charts.paddedRange(data, 0);
        double[] yr = Charts.paddedRange(data, 1);
        double dx = (xr[1] - xr[0]) / grid;
        double dy = (yr[1] - yr[0]) / grid;
        double[][] cells = DecisionBoundaryChart.predictGrid(net, xr[0] + dx / 2, dx, yr[0] + dy / 2, dy);

        int classes = Math.min(Math.max(net.outputSize(), data.numClasses()), (256 - FIRST_CLASS) / 2);
        BufferedImage image = new BufferedImage(grid, grid + CAPTION, BufferedImage.TYPE_BYTE_INDEXED, palette(classes));
        WritableRaster raster = image.getRaster();
        for (int c = 0; c < cells[2].length; c++) {
            int i = c / grid;
            int j = c % grid;
            raster.setSample(i, grid - 1 - j, 0, FIRST_CLASS + 2 * ((int) cells[2][c] % classes));
        }
        for (int y = grid; y < grid + CAPTION; y++) {
            for (int x = 0; x < grid; x++) {
                raster.setSample(x, y, 0, WHITE);
            }
        }
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_OFF);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
        for (int s = 0; s < data.size(); s++) {
            int px = (int) Math.floor((data.feature(s, 0) - xr[0]) / dx);
            int py = grid - 1 - (int) Math.floor((data.feature(s, 1) - yr[0]) / dy);
            g.setColor(Palette.strong(data.labels()[s]));
            g.fillOval(px - 2, py - 2, 5, 5);
        }
        g.setColor(Color.BLACK);
        g.setFont(new Font("SansSerif", Font.PLAIN, 10));
        g.drawString(caption, 3, grid + CAPTION - 4);
        g.dispose();
        return image;
    }

    /**
     * White, black, then per class its pale (region) and strong (point) colour; padded to 256
     * entries, the palette size every GIF reader and writer handles.
     */
    private static IndexColorModel palette(int classes) {
        int size = 256;
        byte[] r = new byte[size];
        byte[] gr = new byte[size];
        byte[] b = new byte[size];
        set(r, gr, b, WHITE, Color.WHITE);
        set(r, gr, b, BLACK, Color.BLACK);
        for (int k = 0; k < classes; k++) {
            set(r, gr, b, FIRST_CLASS + 2 * k, Palette.pale(k));
            set(r, gr, b, FIRST_CLASS + 2 * k + 1, Palette.strong(k));
        }
        return new IndexColorModel(8, size, r, gr, b);
    }

    private static void set(byte[] r, byte[] g, byte[] b, int index, Color c) {
        r[index] = (byte) c.getRed();
        g[index] = (byte) c.getGreen();
        b[index] = (byte) c.getBlue();
    }
}
