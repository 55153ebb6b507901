package lab.mlp.plot;

import java.awt.BasicStroke;
import java.nio.file.Path;
import java.util.List;
import lab.mlp.train.CurvePoint;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Training loss against passes, on a log scale. */
public final class LossChart {
    private LossChart() {
    }

    public static void write(List<CurvePoint> curve, String title, String subtitle, Path png) {
        XYSeries loss = new XYSeries("loss", false, true);
        for (CurvePoint p : curve) {
            if (Double.isFinite(p.loss()) && p.loss() > 0) {
                loss.add(p.pass(), p.loss());
            }
        }
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, Palette.strong(0));
        line.setSeriesStroke(0, new BasicStroke(2f));
        LogAxis y = new LogAxis("loss (log scale)");
        y.setSmallestValue(1e-6);
        y.setStandardTickUnits(NumberAxis.createStandardTickUnits());
        XYPlot plot = new XYPlot(new XYSeriesCollection(loss), new NumberAxis("pass"), y, line);
        Charts.writePng(Charts.chart(title, subtitle, plot), png);
    }
}
