package lab.cnn.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import lab.cnn.data.ImageSplit;
import lab.cnn.train.TestPredictions;
import lab.core.io.AtomicFiles;

/**
 * mistakes.png: the test images the network got wrong with the highest probability for its
 * wrong answer, as MNIST shows them (light on black, 4x enlarged), each labelled
 * {@code true → predicted (p)} and with its test index. Drawn when training ends, the only time
 * the test images are at hand; report.md links it.
 */
public final class MistakesGrid {
    public static final int SHOWN = 16;
    static final int COLUMNS = 4;
    static final int SCALE = 4;
    static final int CELL_W = 170;
    static final int CELL_H = 160;
    static final int TITLE = 34;

    private MistakesGrid() {
    }

    /** The first {@link #SHOWN} of {@code mistakes} (most confident first); {@code test} holds their images. */
    public static void write(String title, List<TestPredictions.Mistake> mistakes, ImageSplit test, Path file) {
        List<TestPredictions.Mistake> shown = mistakes.subList(0, Math.min(SHOWN, mistakes.size()));
        int rows = Math.max(1, (shown.size() + COLUMNS - 1) / COLUMNS);
        BufferedImage image = new BufferedImage(COLUMNS * CELL_W, TITLE + rows * CELL_H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, image.getWidth(), image.getHeight());
            g.setColor(Color.BLACK);
            g.setFont(new Font("SansSerif", Font.BOLD, 15));
            g.drawString(title, 10, 22);
            if (shown.isEmpty()) {
                g.setFont(new Font("SansSerif", Font.PLAIN, 13));
                g.drawString("no mistakes on the test set", 10, TITLE + 30);
            }
            int side = test.rows() * SCALE;
            for (int k = 0; k < shown.size(); k++) {
                TestPredictions.Mistake m = shown.get(k);
                int x = (k % COLUMNS) * CELL_W + (CELL_W - side) / 2;
                int y = TITLE + (k / COLUMNS) * CELL_H + 4;
                drawDigit(g, test, m.index(), x, y);
                g.setColor(new Color(0xb00020));
                g.setFont(new Font("SansSerif", Font.BOLD, 13));
                String verdict = String.format(Locale.ROOT, "%d \u2192 %d (%.2f)", m.label(), m.predicted(),
                        m.probability());
                centre(g, verdict, (k % COLUMNS) * CELL_W, y + side + 16);
                g.setColor(Color.DARK_GRAY);
                g.setFont(new Font("SansSerif", Font.PLAIN, 11));
                centre(g, "test #" + m.index(), (k % COLUMNS) * CELL_W, y + side + 30);
            }
        } finally {
            g.dispose();
        }
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    private static void drawDigit(Graphics2D g, ImageSplit test, int index, int x, int y) {
        for (int p = 0; p < test.pixelsPerImage(); p++) {
            int v = test.pixel(index, p);
            g.setColor(new Color(v, v, v));
            g.fillRect(x + (p % test.cols()) * SCALE, y + (p / test.cols()) * SCALE, SCALE, SCALE);
        }
    }

    private static void centre(Graphics2D g, String text, int cellX, int baseline) {
        int width = g.getFontMetrics().stringWidth(text);
        g.drawString(text, cellX + (CELL_W - width) / 2, baseline);
    }
}
