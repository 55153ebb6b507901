package lab.cnn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import lab.core.io.AtomicFiles;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.Size2D;
import org.jfree.data.Range;

/** Shared pieces of the cnn charts: colours, styling, PNG output of one chart or a grid of them. */
final class ReportCharts {
    /** Single charts (loss.png, error.png). */
    static final int WIDTH = 900;
    static final int HEIGHT = 560;
    /** Grids of panels (layer-*.png, distributions-*.png) and group comparisons. */
    static final int GRID_WIDTH = 960;
    static final int GRID_HEIGHT = 640;
    /** Height of the title strip above a grid. */
    private static final int GRID_TITLE = 34;

    private static final Color[] STRONG = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private ReportCharts() {
    }

    static Color strong(int k) {
        return STRONG[k % STRONG.length];
    }

    /** {@code c} mixed with white: {@code amount} 0 is {@code c}, 1 is white. */
    static Color light(Color c, double amount) {
        return new Color(mix(c.getRed(), amount), mix(c.getGreen(), amount), mix(c.getBlue(), amount));
    }

    private static int mix(int channel, double amount) {
        return (int) Math.round(channel * (1 - amount) + 255 * amount);
    }

    static BasicStroke stroke(float width) {
        return new BasicStroke(width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }

    static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {5f, 3f}, 0f);
    }

    /** A log axis labelled with plain numbers (0.1, 0.2, 0.5, 1, 2), not powers of ten. */
    static PlainLogAxis logAxis(String label) {
        return new PlainLogAxis(label);
    }

    static void style(XYPlot plot) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlinePaint(new Color(0xbbbbbb));
    }

    static JFreeChart chart(String title, String subtitle, XYPlot plot) {
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, true);
        if (subtitle != null && !subtitle.isEmpty()) {
            chart.addSubtitle(new TextTitle(subtitle, new Font("SansSerif", Font.PLAIN, 12)));
        }
        chart.setBackgroundPaint(Color.WHITE);
        style(plot);
        return chart;
    }

    /** A panel of a grid: small title, small legend and axis fonts. */
    static JFreeChart panel(String title, XYPlot plot) {
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 12), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        style(plot);
        Font tick = new Font("SansSerif", Font.PLAIN, 10);
        Font label = new Font("SansSerif", Font.PLAIN, 11);
        for (int i = 0; i < plot.getDomainAxisCount(); i++) {
            plot.getDomainAxis(i).setTickLabelFont(tick);
            plot.getDomainAxis(i).setLabelFont(label);
        }
        for (int i = 0; i < plot.getRangeAxisCount(); i++) {
            plot.getRangeAxis(i).setTickLabelFont(tick);
            plot.getRangeAxis(i).setLabelFont(label);
        }
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setItemFont(new Font("SansSerif", Font.PLAIN, 10));
        }
        return chart;
    }

    static void writePng(JFreeChart chart, Path file, int width, int height) {
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, width, height));
    }

    /** A title centred across the image, its top at {@code y} (arranged first: draw needs its text block). */
    private static void drawTitle(Graphics2D g2, TextTitle title, double y) {
        Size2D size = title.arrange(g2, new RectangleConstraint(new Range(0, GRID_WIDTH), new Range(0, GRID_TITLE)));
        title.draw(g2, new Rectangle2D.Double(0, y, GRID_WIDTH, size.height));
    }

    /**
     * Several JFreeCharts drawn into one image, row by row in {@code columns} columns, under a
     * title; cells left over in the last row stay white.
     */
    static void writeGrid(String title, String subtitle, List<JFreeChart> panels, int columns, Path file) {
        int rows = (panels.size() + columns - 1) / columns;
        BufferedImage image = new BufferedImage(GRID_WIDTH, GRID_HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, GRID_WIDTH, GRID_HEIGHT);
            drawTitle(g2, new TextTitle(title, new Font("SansSerif", Font.BOLD, 15)), 1);
            if (subtitle != null && !subtitle.isEmpty()) {
                drawTitle(g2, new TextTitle(subtitle, new Font("SansSerif", Font.PLAIN, 11)), 19);
            }
            double cellW = (double) GRID_WIDTH / columns;
            double cellH = (double) (GRID_HEIGHT - GRID_TITLE) / rows;
            for (int i = 0; i < panels.size(); i++) {
                int row = i / columns;
                int col = i % columns;
                panels.get(i).draw(g2, new Rectangle2D.Double(col * cellW, GRID_TITLE + row * cellH, cellW, cellH));
            }
        } finally {
            g2.dispose();
        }
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new java.io.IOException("no PNG writer");
            }
        });
    }
}
