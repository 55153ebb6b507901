package lab.mlp.plot;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import lab.core.io.AtomicFiles;
import lab.mlp.data.Dataset;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Shared pieces of the mlp charts: point series, styling, PNG output. */
final class Charts {
    static final int WIDTH = 640;
    static final int HEIGHT = 520;

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private Charts() {
    }

    /** One series per class, points of the first two features. */
    static XYSeriesCollection points(Dataset data) {
        XYSeriesCollection collection = new XYSeriesCollection();
        XYSeries[] series = new XYSeries[data.numClasses()];
        for (int k = 0; k < series.length; k++) {
            series[k] = new XYSeries("class " + data.classNames()[k], false, true);
            collection.addSeries(series[k]);
        }
        for (int s = 0; s < data.size(); s++) {
            series[data.labels()[s]].add(data.feature(s, 0), data.feature(s, 1));
        }
        return collection;
    }

    static XYLineAndShapeRenderer pointRenderer(int classes) {
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        for (int k = 0; k < classes; k++) {
            renderer.setSeriesShape(k, new Ellipse2D.Double(-3.5, -3.5, 7, 7));
            renderer.setSeriesPaint(k, Palette.strong(k));
            renderer.setSeriesOutlinePaint(k, Color.BLACK);
            renderer.setSeriesOutlineStroke(k, new BasicStroke(0.6f));
        }
        renderer.setUseOutlinePaint(true);
        return renderer;
    }

    static NumberAxis axis(String label, double[] range) {
        NumberAxis axis = new NumberAxis(label);
        axis.setAutoRangeIncludesZero(false);
        axis.setRange(range[0], range[1]);
        return axis;
    }

    /** Data range of one feature widened by half a unit (or 10%) on each side. */
    static double[] paddedRange(Dataset data, int feature) {
        double[] r = data.range(feature);
        double pad = Math.max(0.5, 0.1 * (r[1] - r[0]));
        return new double[] {r[0] - pad, r[1] + pad};
    }

    static JFreeChart chart(String title, String subtitle, XYPlot plot) {
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), plot, true);
        if (subtitle != null && !subtitle.isEmpty()) {
            chart.addSubtitle(new TextTitle(subtitle, new Font("SansSerif", Font.PLAIN, 12)));
        }
        chart.setBackgroundPaint(Color.WHITE);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        return chart;
    }

    static void writePng(JFreeChart chart, Path file) {
        AtomicFiles.write(file, out -> ChartUtils.writeChartAsPNG(out, chart, WIDTH, HEIGHT));
    }
}
