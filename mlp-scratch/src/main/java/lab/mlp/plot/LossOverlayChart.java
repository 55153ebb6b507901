package lab.mlp.plot;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lab.mlp.train.CurvePoint;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Several runs' loss curves on one log-scale chart, one colour per run, for like-for-like comparisons. */
public final class LossOverlayChart {
    private LossOverlayChart() {
    }

    /** @param curves run name to its curve, in legend order */
    public static void write(Map<String, List<CurvePoint>> curves, String title, String subtitle, Path png) {
        XYSeriesCollection series = new XYSeriesCollection();
        XYLineAndShapeRenderer lines = new XYLineAndShapeRenderer(true, false);
        int k = 0;
        for (var entry : curves.entrySet()) {
            XYSeries s = new XYSeries(entry.getKey(), false, true);
            for (CurvePoint p : entry.getValue()) {
                if (Double.isFinite(p.loss()) && p.loss() > 0) {
                    s.add(p.pass(), p.loss());
                }
            }
            series.addSeries(s);
            lines.setSeriesPaint(k, Palette.strong(k));
            lines.setSeriesStroke(k, new BasicStroke(2f));
            k++;
        }
        LogAxis y = new LogAxis("loss (log scale)");
        y.setSmallestValue(1e-6);
        y.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        XYPlot plot = new XYPlot(series, new NumberAxis("pass"), y, lines);
        Charts.writePng(Charts.chart(title, subtitle, plot), png);
    }
}
