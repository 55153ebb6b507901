package lab.core.search;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import lab.core.io.AtomicFiles;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.block.RectangleConstraint;
import org.jfree.chart.ui.Size2D;
import org.jfree.data.Range;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * scores.png: one panel per varied parameter, validation accuracy of every candidate against
 * that parameter's value (log axis for log ranges, one column per choice for categories), the
 * winner in red. Failed candidates have no score and are only counted in the subtitle.
 */
public final class SearchChart {
    private static final int WIDTH = 960;
    private static final int ROW_HEIGHT = 420;
    private static final int TITLE = 44;
    private static final Color POINT = new Color(0x1f77b4);
    private static final Color WINNER = new Color(0xd62728);

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private SearchChart() {
    }

    public static void write(String title, String subtitle, List<Dimension> dimensions, List<CandidateRecord> candidates,
                             Path png) {
        CandidateRecord best = candidates.stream().filter(CandidateRecord::ok)
                .max(java.util.Comparator.comparingDouble(CandidateRecord::score)
                        .thenComparing(java.util.Comparator.comparingInt(CandidateRecord::index).reversed()))
                .orElse(null);
        List<JFreeChart> panels = new ArrayList<>();
        for (Dimension d : dimensions) {
            panels.add(panel(d, candidates, best));
        }
        long failed = candidates.stream().filter(c -> !c.ok()).count();
        String sub = subtitle + (failed > 0 ? " | " + failed + " failed candidate(s) not shown" : "");
        int columns = Math.min(2, Math.max(1, panels.size()));
        int rows = (panels.size() + columns - 1) / columns;
        int height = TITLE + rows * ROW_HEIGHT;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g2 = image.createGraphics();
        try {
            g2.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g2.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g2.setColor(Color.WHITE);
            g2.fillRect(0, 0, WIDTH, height);
            drawTitle(g2, new TextTitle(title, new Font("SansSerif", Font.BOLD, 15)), 4);
            drawTitle(g2, new TextTitle(sub, new Font("SansSerif", Font.PLAIN, 11)), 24);
            double cellW = (double) WIDTH / columns;
            for (int i = 0; i < panels.size(); i++) {
                panels.get(i).draw(g2, new Rectangle2D.Double((i % columns) * cellW, TITLE + (i / columns) * ROW_HEIGHT,
                        cellW, ROW_HEIGHT));
            }
        } finally {
            g2.dispose();
        }
        AtomicFiles.write(png, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer");
            }
        });
    }

    /** A title centred across the image at {@code y} (arranged first: draw needs its text block). */
    private static void drawTitle(Graphics2D g2, TextTitle title, double y) {
        Size2D size = title.arrange(g2, new RectangleConstraint(new Range(0, WIDTH), new Range(0, TITLE)));
        title.draw(g2, new Rectangle2D.Double(0, y, WIDTH, size.height));
    }

    private static JFreeChart panel(Dimension d, List<CandidateRecord> candidates, CandidateRecord best) {
        XYSeries others = new XYSeries("candidate", false, true);
        XYSeries winner = new XYSeries("best (validation)", false, true);
        for (CandidateRecord c : candidates) {
            if (!c.ok()) {
                continue;
            }
            double x = x(d, c.params().get(d.name()));
            (c == best ? winner : others).add(x, 100 * c.score());
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(others);
        data.addSeries(winner);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, POINT);
        renderer.setSeriesShape(0, new Ellipse2D.Double(-4, -4, 8, 8));
        renderer.setSeriesPaint(1, WINNER);
        renderer.setSeriesShape(1, new Ellipse2D.Double(-6, -6, 12, 12));
        NumberAxis accuracy = new NumberAxis("validation accuracy (%)");
        accuracy.setAutoRangeIncludesZero(false);
        XYPlot plot = new XYPlot(data, xAxis(d), accuracy, renderer);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setOutlinePaint(new Color(0xbbbbbb));
        plot.setDomainGridlineStroke(new BasicStroke(1f));
        JFreeChart chart = new JFreeChart(d.name(), new Font("SansSerif", Font.BOLD, 12), plot, true);
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    private static double x(Dimension d, Object value) {
        if (d.axis() == Dimension.Axis.CATEGORY) {
            return d.categories().indexOf(String.valueOf(value));
        }
        return ((Number) value).doubleValue();
    }

    private static ValueAxis xAxis(Dimension d) {
        return switch (d.axis()) {
            case CATEGORY -> {
                SymbolAxis axis = new SymbolAxis(d.name(), d.categories().toArray(new String[0]));
                axis.setGridBandsVisible(false);
                yield axis;
            }
            case LOG -> {
                LogAxis axis = new LogAxis(d.name() + " (log scale)");
                axis.setSmallestValue(1e-12);
                axis.setNumberFormatOverride(new DecimalFormat("0.######", DecimalFormatSymbols.getInstance(Locale.ROOT)));
                yield axis;
            }
            case LINEAR -> {
                NumberAxis axis = new NumberAxis(d.name());
                axis.setAutoRangeIncludesZero(false);
                yield axis;
            }
        };
    }
}
