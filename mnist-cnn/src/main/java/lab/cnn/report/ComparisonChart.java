package lab.cnn.report;

import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import lab.cnn.train.EvalPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * compare-SLUG.png: the experiments of one group against epoch on a shared axis, smoothed
 * training loss (log scale) above, test error at each evaluation below; one colour per
 * experiment. With several seeds the line is their mean and a light band spans their range.
 */
public final class ComparisonChart {
    private ComparisonChart() {
    }

    public static void write(String title, List<SeedGroup> groups, Path png) {
        YIntervalSeriesCollection loss = new YIntervalSeriesCollection();
        YIntervalSeriesCollection error = new YIntervalSeriesCollection();
        DeviationRenderer lossLines = new DeviationRenderer(true, false);
        DeviationRenderer errorLines = new DeviationRenderer(true, true);
        for (int i = 0; i < groups.size(); i++) {
            SeedGroup g = groups.get(i);
            String key = g.experiment() + (g.n() > 1 ? " (" + g.n() + " seeds)" : "");
            List<XYSeries> losses = new ArrayList<>();
            List<XYSeries> errors = new ArrayList<>();
            for (CnnRun run : g.runs()) {
                losses.add(RunCharts.smoothedLoss(run.name(), run.loss(), true));
                XYSeries test = new XYSeries(run.name(), false, true);
                for (EvalPoint p : run.evals()) {
                    if (Double.isFinite(p.testAccuracy())) {
                        test.add(p.epoch(), 100 * p.testError());
                    }
                }
                errors.add(test);
            }
            loss.addSeries(meanAndRange(key, losses));
            error.addSeries(meanAndRange(key, errors));
            for (DeviationRenderer r : List.of(lossLines, errorLines)) {
                r.setSeriesPaint(i, ReportCharts.strong(i));
                r.setSeriesFillPaint(i, ReportCharts.light(ReportCharts.strong(i), 0.75));
                r.setSeriesStroke(i, ReportCharts.stroke(2f));
            }
            errorLines.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
            errorLines.setSeriesVisibleInLegend(i, false);
        }
        lossLines.setAlpha(0.35f);
        errorLines.setAlpha(0.35f);
        XYPlot lossPlot = new XYPlot(loss, null, ReportCharts.logAxis("training loss, smoothed (log)"), lossLines);
        NumberAxis errorAxis = new NumberAxis("test error (%)");
        errorAxis.setAutoRangeIncludesZero(true);
        XYPlot errorPlot = new XYPlot(error, null, errorAxis, errorLines);
        ReportCharts.style(lossPlot);
        ReportCharts.style(errorPlot);
        NumberAxis epoch = new NumberAxis("epoch");
        epoch.setAutoRangeIncludesZero(true);
        CombinedDomainXYPlot combined = new CombinedDomainXYPlot(epoch);
        combined.setGap(12);
        combined.add(lossPlot, 3);
        combined.add(errorPlot, 2);
        JFreeChart chart = new JFreeChart(title, new Font("SansSerif", Font.BOLD, 15), combined, true);
        chart.addSubtitle(new TextTitle("training loss: " + RunCharts.smoothingLabel()
                + " of the mini-batch loss; test error at every evaluation; with several seeds: mean, band = range",
                new Font("SansSerif", Font.PLAIN, 12)));
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        ReportCharts.writePng(chart, png, ReportCharts.GRID_WIDTH, ReportCharts.GRID_HEIGHT);
    }

    /** Mean and min..max over the seeds at every x that all of them have (one seed: the line, no band). */
    static YIntervalSeries meanAndRange(String key, List<XYSeries> seeds) {
        TreeMap<Double, double[]> byX = new TreeMap<>();
        for (XYSeries s : seeds) {
            for (int i = 0; i < s.getItemCount(); i++) {
                double x = s.getX(i).doubleValue();
                double y = s.getY(i).doubleValue();
                double[] acc = byX.computeIfAbsent(x, k -> new double[] {0, Double.POSITIVE_INFINITY,
                    Double.NEGATIVE_INFINITY, 0});
                acc[0] += y;
                acc[1] = Math.min(acc[1], y);
                acc[2] = Math.max(acc[2], y);
                acc[3]++;
            }
        }
        YIntervalSeries out = new YIntervalSeries(key, false, true);
        byX.forEach((x, acc) -> {
            if (acc[3] == seeds.size()) {
                out.add(x, acc[0] / acc[3], acc[1], acc[2]);
            }
        });
        return out;
    }
}
