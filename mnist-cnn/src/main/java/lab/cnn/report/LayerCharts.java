package lab.cnn.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * Charts of one layer from layer-stats.csv, one panel per quantity (W, b, net_input,
 * activation, pool) against iteration: {@code layer-LAYER.png} (min, max, mean, mean ± std) and
 * {@code distributions-LAYER.png} (TensorBoard's distributions: percentile bands and the median).
 */
public final class LayerCharts {
    /** Layers that get a distributions chart. */
    public static final List<String> DISTRIBUTION_LAYERS = List.of("conv1", "conv2", "fc1");
    /** Panels per row: 2 for up to 4 panels (a 2x2 grid), else 3. */
    static int columns(int panels) {
        return panels <= 4 ? Math.max(1, Math.min(2, panels)) : 3;
    }
    /** Bands from outermost to innermost, as indices into {@link LayerStatsCsv#PERCENTILES}. */
    private static final int[][] BANDS = {{0, 8}, {1, 7}, {2, 6}, {3, 5}};
    private static final int[] BAND_RANKS = {0, 7, 16, 31, 50, 69, 84, 93, 100};
    /** Opacity of one band; nested bands stack, so the centre is darkest. */
    private static final float BAND_ALPHA = 0.28f;

    private LayerCharts() {
    }

    static String describe(String layer, String quantity) {
        return switch (quantity) {
            case "W" -> "W (weights)";
            case "b" -> "b (biases)";
            case "net_input" -> "net_input (before activation)";
            case "activation" -> layer.equals("output") ? "activation (softmax)" : "activation";
            case "pool" -> "pool (max-pooled activation)";
            default -> quantity;
        };
    }

    private static boolean finite(double... values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    /** layer-LAYER.png: per quantity, min and max (dashed), mean (line) and mean ± std (band). */
    public static void writeStats(String experiment, String layer, List<LayerStat> rows, Path png) {
        List<JFreeChart> panels = new ArrayList<>();
        Color base = ReportCharts.strong(0);
        for (String quantity : LayerStatsCsv.quantities(rows, layer)) {
            YIntervalSeries band = new YIntervalSeries("mean ± std", false, true);
            XYSeries min = new XYSeries("min", false, true);
            XYSeries max = new XYSeries("max", false, true);
            for (LayerStat s : LayerStatsCsv.select(rows, layer, quantity)) {
                if (finite(s.mean(), s.std())) {
                    band.add(s.iteration(), s.mean(), s.mean() - s.std(), s.mean() + s.std());
                }
                if (finite(s.min())) {
                    min.add(s.iteration(), s.min());
                }
                if (finite(s.max())) {
                    max.add(s.iteration(), s.max());
                }
            }
            YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
            bands.addSeries(band);
            DeviationRenderer meanRenderer = new DeviationRenderer(true, false);
            meanRenderer.setSeriesPaint(0, base);
            meanRenderer.setSeriesFillPaint(0, base);
            meanRenderer.setSeriesStroke(0, ReportCharts.stroke(1.8f));
            meanRenderer.setAlpha(0.25f);
            XYSeriesCollection extremes = new XYSeriesCollection(min);
            extremes.addSeries(max);
            XYLineAndShapeRenderer extremeRenderer = new XYLineAndShapeRenderer(true, false);
            extremeRenderer.setSeriesPaint(0, ReportCharts.strong(2));
            extremeRenderer.setSeriesPaint(1, ReportCharts.strong(1));
            extremeRenderer.setSeriesStroke(0, ReportCharts.dashed(1.2f));
            extremeRenderer.setSeriesStroke(1, ReportCharts.dashed(1.2f));

            NumberAxis y = new NumberAxis();
            y.setAutoRangeIncludesZero(false);
            XYPlot plot = new XYPlot(bands, iterationAxis(), y, meanRenderer);
            plot.setDataset(1, extremes);
            plot.setRenderer(1, extremeRenderer);
            LegendItemCollection legend = new LegendItemCollection();
            legend.add(lineItem("max", ReportCharts.strong(1), ReportCharts.dashed(1.2f)));
            legend.add(lineItem("mean", base, ReportCharts.stroke(1.8f)));
            legend.add(boxItem("mean ± std", ReportCharts.light(base, 1 - 0.25)));
            legend.add(lineItem("min", ReportCharts.strong(2), ReportCharts.dashed(1.2f)));
            plot.setFixedLegendItems(legend);
            panels.add(ReportCharts.panel(describe(layer, quantity), plot));
        }
        ReportCharts.writeGrid(experiment + ": " + layer + " statistics", subtitle(rows, layer), panels,
                columns(panels.size()), png);
    }

    /**
     * distributions-LAYER.png: per quantity the bands between the 0-100th, 7-93rd, 16-84th and
     * 31-69th percentiles, shaded darker towards the centre, and the median.
     */
    public static void writeDistributions(String experiment, String layer, List<LayerStat> rows, Path png) {
        List<JFreeChart> panels = new ArrayList<>();
        Color base = ReportCharts.strong(0);
        for (String quantity : LayerStatsCsv.quantities(rows, layer)) {
            YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
            YIntervalSeries[] series = new YIntervalSeries[BANDS.length];
            for (int b = 0; b < BANDS.length; b++) {
                series[b] = new YIntervalSeries(bandLabel(b), false, true);
                bands.addSeries(series[b]);
            }
            XYSeries median = new XYSeries("median", false, true);
            for (LayerStat s : LayerStatsCsv.select(rows, layer, quantity)) {
                for (int b = 0; b < BANDS.length; b++) {
                    double lo = s.percentile(BANDS[b][0]);
                    double hi = s.percentile(BANDS[b][1]);
                    if (finite(lo, hi, s.median())) {
                        series[b].add(s.iteration(), s.median(), lo, hi);
                    }
                }
                if (finite(s.median())) {
                    median.add(s.iteration(), s.median());
                }
            }
            DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
            for (int b = 0; b < BANDS.length; b++) {
                bandRenderer.setSeriesFillPaint(b, base);
                bandRenderer.setSeriesPaint(b, base);
                bandRenderer.setSeriesLinesVisible(b, false);
            }
            bandRenderer.setAlpha(BAND_ALPHA);
            XYLineAndShapeRenderer medianRenderer = new XYLineAndShapeRenderer(true, false);
            medianRenderer.setSeriesPaint(0, ReportCharts.light(Color.BLACK, 0.15));
            medianRenderer.setSeriesStroke(0, ReportCharts.stroke(1.5f));

            NumberAxis y = new NumberAxis();
            y.setAutoRangeIncludesZero(false);
            XYPlot plot = new XYPlot(bands, iterationAxis(), y, bandRenderer);
            plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
            plot.setDataset(1, new XYSeriesCollection(median));
            plot.setRenderer(1, medianRenderer);
            LegendItemCollection legend = new LegendItemCollection();
            for (int b = 0; b < BANDS.length; b++) {
                double covered = Math.pow(1 - BAND_ALPHA, b + 1); // white left after b+1 stacked layers
                legend.add(boxItem(bandLabel(b), ReportCharts.light(base, covered)));
            }
            legend.add(lineItem("median", Color.BLACK, ReportCharts.stroke(1.5f)));
            plot.setFixedLegendItems(legend);
            panels.add(ReportCharts.panel(describe(layer, quantity), plot));
        }
        ReportCharts.writeGrid(experiment + ": " + layer + " distributions", subtitle(rows, layer), panels,
                columns(panels.size()), png);
    }

    private static String bandLabel(int b) {
        return String.format(Locale.ROOT, "p%d–p%d", BAND_RANKS[BANDS[b][0]], BAND_RANKS[BANDS[b][1]]);
    }

    private static String subtitle(List<LayerStat> rows, String layer) {
        long[] iterations = rows.stream().filter(s -> s.layer().equals(layer)).mapToLong(LayerStat::iteration)
                .distinct().sorted().toArray();
        if (iterations.length == 0) {
            return "";
        }
        return String.format(Locale.ROOT, "%d recorded iterations, %d to %d", iterations.length, iterations[0],
                iterations[iterations.length - 1]);
    }

    private static NumberAxis iterationAxis() {
        NumberAxis x = new NumberAxis("iteration");
        x.setAutoRangeIncludesZero(false);
        return x;
    }

    private static LegendItem lineItem(String label, Color color, BasicStroke stroke) {
        return new LegendItem(label, null, null, null, new Line2D.Double(-8, 0, 8, 0), stroke, color);
    }

    private static LegendItem boxItem(String label, Color color) {
        return new LegendItem(label, null, null, null, new Rectangle2D.Double(-6, -4, 12, 8), color);
    }
}
