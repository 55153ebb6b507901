package lab.cnn.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.text.DecimalFormat;
import java.util.List;
import java.util.Locale;
import lab.cnn.train.EvalPoint;
import lab.cnn.train.LossPoint;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardXYItemLabelGenerator;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The two charts of one run: loss.png (raw and smoothed loss) and error.png (validation and test error). */
public final class RunCharts {
    /**
     * Weight of the previous smoothed value in the exponential moving average; with the loss
     * recorded every 10 iterations, 0.9 averages over roughly the last 100.
     */
    public static final double SMOOTHING = 0.9;
    /** Value labels on the error points only when there are this few. */
    static final int MAX_LABELLED_POINTS = 12;

    private RunCharts() {
    }

    /**
     * Exponential moving average {@code s[i] = f s[i-1] + (1 - f) x[i]} started at {@code x[0]};
     * non-finite values are skipped (their output is NaN and they do not enter the average).
     */
    public static double[] ema(double[] values, double factor) {
        double[] out = new double[values.length];
        double s = Double.NaN;
        for (int i = 0; i < values.length; i++) {
            double x = values[i];
            if (!Double.isFinite(x)) {
                out[i] = Double.NaN;
                continue;
            }
            s = Double.isNaN(s) ? x : factor * s + (1 - factor) * x;
            out[i] = s;
        }
        return out;
    }

    static String smoothingLabel() {
        return String.format(Locale.ROOT, "smoothed (EMA, factor %s)", SMOOTHING);
    }

    /** Smoothed loss against {@code epoch ? epoch : iteration}, positive finite values only (for a log axis). */
    static XYSeries smoothedLoss(String key, List<LossPoint> loss, boolean epoch) {
        double[] raw = loss.stream().mapToDouble(LossPoint::loss).toArray();
        double[] smooth = ema(raw, SMOOTHING);
        XYSeries series = new XYSeries(key, false, true);
        for (int i = 0; i < smooth.length; i++) {
            if (Double.isFinite(smooth[i]) && smooth[i] > 0 && Double.isFinite(raw[i])) {
                series.add(epoch ? loss.get(i).epoch() : loss.get(i).iteration(), smooth[i]);
            }
        }
        return series;
    }

    public static void writeLoss(CnnRun run, Path png) {
        XYSeries raw = new XYSeries("mini-batch loss (dropout on)", false, true);
        for (LossPoint p : run.loss()) {
            if (Double.isFinite(p.loss()) && p.loss() > 0) {
                raw.add(p.iteration(), p.loss());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(raw);
        data.addSeries(smoothedLoss(smoothingLabel(), run.loss(), false));
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        lines.setSeriesPaint(0, ReportCharts.light(ReportCharts.strong(0), 0.6));
        lines.setSeriesStroke(0, ReportCharts.stroke(0.8f));
        lines.setSeriesPaint(1, ReportCharts.strong(0));
        lines.setSeriesStroke(1, ReportCharts.stroke(2.2f));
        NumberAxis x = new NumberAxis("iteration");
        x.setAutoRangeIncludesZero(true);
        PlainLogAxis y = ReportCharts.logAxis("training loss (log scale)");
        XYPlot plot = new XYPlot(data, x, y, lines);
        CnnMetrics m = run.metrics();
        if (m.diverged() && m.divergedAtIteration() != null) {
            ValueMarker marker = new ValueMarker(m.divergedAtIteration(), ReportCharts.strong(1),
                    ReportCharts.dashed(1.5f));
            marker.setLabel("diverged");
            marker.setLabelFont(new Font("SansSerif", Font.PLAIN, 11));
            marker.setLabelAnchor(RectangleAnchor.TOP_LEFT);
            marker.setLabelTextAnchor(TextAnchor.TOP_RIGHT);
            plot.addDomainMarker(marker);
        }
        String subtitle = String.format(Locale.ROOT, "%s; %d iterations, %.2f epochs", m.description(),
                m.iterations(), m.epochs());
        ReportCharts.writePng(ReportCharts.chart(run.name() + ": training loss", subtitle, plot), png,
                ReportCharts.WIDTH, ReportCharts.HEIGHT);
    }

    public static void writeError(CnnRun run, Path png) {
        CnnMetrics.DatasetInfo ds = run.metrics().dataset();
        XYSeries val = new XYSeries(ds == null ? "validation error"
                : String.format(Locale.ROOT, "validation error (%,d images)", ds.validationImages()), false, true);
        XYSeries test = new XYSeries(ds == null ? "test error"
                : String.format(Locale.ROOT, "test error (%,d images)", ds.testImages()), false, true);
        for (EvalPoint p : run.evals()) {
            if (Double.isFinite(p.valAccuracy())) {
                val.add(p.epoch(), 100 * p.valError());
            }
            if (Double.isFinite(p.testAccuracy())) {
                test.add(p.epoch(), 100 * p.testError());
            }
        }
        XYSeriesCollection data = new XYSeriesCollection(val);
        data.addSeries(test);
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, true);
        for (int s = 0; s < 2; s++) {
            lines.setSeriesPaint(s, ReportCharts.strong(s == 0 ? 3 : 0));
            lines.setSeriesStroke(s, ReportCharts.stroke(2f));
            lines.setSeriesShape(s, new Ellipse2D.Double(-4, -4, 8, 8));
        }
        if (run.evals().size() <= MAX_LABELLED_POINTS) {
            DecimalFormat twoDecimals = new DecimalFormat("0.00");
            lines.setDefaultItemLabelGenerator(new StandardXYItemLabelGenerator("{2}%", twoDecimals, twoDecimals));
            lines.setDefaultItemLabelsVisible(true);
            lines.setDefaultItemLabelFont(new Font("SansSerif", Font.PLAIN, 11));
            lines.setDefaultItemLabelPaint(Color.DARK_GRAY);
        }
        NumberAxis x = new NumberAxis("epoch");
        x.setAutoRangeIncludesZero(true);
        NumberAxis y = new NumberAxis("error (%)");
        y.setAutoRangeIncludesZero(true);
        XYPlot plot = new XYPlot(data, x, y, lines);
        CnnMetrics m = run.metrics();
        String subtitle = String.format(Locale.ROOT, "final: validation %.2f%%, test %.2f%% after %.2f epochs",
                100 * m.valError(), 100 * m.testError(), m.epochs());
        ReportCharts.writePng(ReportCharts.chart(run.name() + ": validation and test error", subtitle, plot), png,
                ReportCharts.WIDTH, ReportCharts.HEIGHT);
    }
}
