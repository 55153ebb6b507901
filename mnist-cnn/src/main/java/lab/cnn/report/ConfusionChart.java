package lab.cnn.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.nio.file.Path;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.PaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * confusion.png: the 10x10 confusion matrix of the final test evaluation as a heatmap
 * (JFreeChart's block renderer), rows the true class, columns the predicted one, every cell with
 * its count. Colour grows with log(1 + count), so that a handful of mistakes still shows beside a
 * diagonal of a thousand.
 */
public final class ConfusionChart {
    static final int SIZE = 640;

    private ConfusionChart() {
    }

    public static void write(String title, long[][] confusion, Path file) {
        int n = confusion.length;
        double[][] data = new double[3][n * n];
        long max = 1;
        long total = 0;
        long right = 0;
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                int i = t * n + p;
                data[0][i] = p;
                data[1][i] = t;
                data[2][i] = confusion[t][p];
                max = Math.max(max, confusion[t][p]);
                total += confusion[t][p];
                right += t == p ? confusion[t][p] : 0;
            }
        }
        DefaultXYZDataset dataset = new DefaultXYZDataset();
        dataset.addSeries("count", data);
        XYBlockRenderer renderer = new XYBlockRenderer();
        LogScale scale = new LogScale(max);
        renderer.setPaintScale(scale);
        NumberAxis predicted = axis("predicted", n);
        NumberAxis actual = axis("true", n);
        actual.setInverted(true); // class 0 at the top, as a matrix is read
        XYPlot plot = new XYPlot(dataset, predicted, actual, renderer);
        Font font = new Font("SansSerif", Font.PLAIN, n > 10 ? 9 : 12);
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                XYTextAnnotation count = new XYTextAnnotation(Long.toString(confusion[t][p]), p, t);
                count.setFont(font);
                count.setPaint(scale.dark(confusion[t][p]) ? Color.WHITE : Color.BLACK);
                plot.addAnnotation(count);
            }
        }
        String subtitle = String.format(Locale.ROOT, "%,d test images, %,d wrong (%.2f%% error): rows true class, "
                + "columns predicted", total, total - right, total == 0 ? 0.0 : 100.0 * (total - right) / total);
        JFreeChart chart = ReportCharts.chart(title, subtitle, plot);
        chart.removeLegend();
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        ReportCharts.writePng(chart, file, SIZE, SIZE);
    }

    private static NumberAxis axis(String label, int n) {
        NumberAxis axis = new NumberAxis(label);
        axis.setRange(-0.5, n - 0.5);
        axis.setTickUnit(new NumberTickUnit(1));
        axis.setLowerMargin(0);
        axis.setUpperMargin(0);
        return axis;
    }

    /** White at 0 to dark blue at the largest count, linear in log(1 + count). */
    static final class LogScale implements PaintScale {
        private static final Color HIGH = new Color(0x08306b);
        private final double top;

        LogScale(long max) {
            this.top = Math.log1p(max);
        }

        double level(double count) {
            return top <= 0 ? 0 : Math.max(0, Math.min(1, Math.log1p(Math.max(0, count)) / top));
        }

        boolean dark(double count) {
            return level(count) > 0.55;
        }

        @Override
        public double getLowerBound() {
            return 0;
        }

        @Override
        public double getUpperBound() {
            return Math.expm1(top);
        }

        @Override
        public Paint getPaint(double count) {
            return ReportCharts.light(HIGH, 1 - level(count));
        }
    }
}
