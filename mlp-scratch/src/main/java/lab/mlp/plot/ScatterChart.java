package lab.mlp.plot;

import java.nio.file.Path;
import lab.mlp.data.Dataset;
import org.jfree.chart.plot.XYPlot;

/** The dataset alone: one colour per class. */
public final class ScatterChart {
    private ScatterChart() {
    }

    public static void write(Dataset data, Path png) {
        requireTwoFeatures(data);
        XYPlot plot = new XYPlot(Charts.points(data), Charts.axis("x1", Charts.paddedRange(data, 0)),
                Charts.axis("x2", Charts.paddedRange(data, 1)), Charts.pointRenderer(data.numClasses()));
        Charts.writePng(Charts.chart(data.name(), data.size() + " points, " + data.numClasses() + " classes", plot), png);
    }

    static void requireTwoFeatures(Dataset data) {
        if (data.numFeatures() != 2) {
            throw new IllegalArgumentException("plots need 2 features, dataset has " + data.numFeatures());
        }
    }
}
