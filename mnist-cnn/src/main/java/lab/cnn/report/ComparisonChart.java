package lab.cnn.report;

import java.awt.Font;
import java.awt.geom.Ellipse2D;
import java.nio.file.Path;
import java.util.List;
import lab.cnn.train.EvalPoint;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.title.TextTitle;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * compare-SLUG.png: runs of one group against epoch on a shared axis, smoothed training loss
 * (log scale) above, test error at each evaluation below; one colour per run.
 */
public final class ComparisonChart {
    private ComparisonChart() {
    }

    public static void write(String title, List<CnnRun> runs, Path png) {
        XYSeriesCollection loss = new XYSeriesCollection();
        XYSeriesCollection error = new XYSeriesCollection();
        XYLineAndShapeRenderer lossLines = new XYLineAndShapeRenderer(true, false);
        XYLineAndShapeRenderer errorLines = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < runs.size(); i++) {
            CnnRun run = runs.get(i);
            loss.addSeries(RunCharts.smoothedLoss(run.name(), run.loss(), true));
            XYSeries test = new XYSeries(run.name(), false, true);
            for (EvalPoint p : run.evals()) {
                if (Double.isFinite(p.testAccuracy())) {
                    test.add(p.epoch(), 100 * p.testError());
                }
            }
            error.addSeries(test);
            lossLines.setSeriesPaint(i, ReportCharts.strong(i));
            lossLines.setSeriesStroke(i, ReportCharts.stroke(2f));
            errorLines.setSeriesPaint(i, ReportCharts.strong(i));
            errorLines.setSeriesStroke(i, ReportCharts.stroke(2f));
            errorLines.setSeriesShape(i, new Ellipse2D.Double(-4, -4, 8, 8));
            errorLines.setSeriesVisibleInLegend(i, false);
        }
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
                + " of the mini-batch loss; test error at every evaluation", new Font("SansSerif", Font.PLAIN, 12)));
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        ReportCharts.writePng(chart, png, ReportCharts.GRID_WIDTH, ReportCharts.GRID_HEIGHT);
    }
}
