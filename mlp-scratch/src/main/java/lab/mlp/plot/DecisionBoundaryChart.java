package lab.mlp.plot;

import java.nio.file.Path;
import lab.mlp.data.Dataset;
import lab.mlp.model.Batch;
import lab.mlp.model.Network;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.LookupPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.data.xy.DefaultXYZDataset;

/**
 * Class regions of a trained network on a fine grid (the class it predicts at each grid cell),
 * with the training points on top.
 */
public final class DecisionBoundaryChart {
    /** Grid cells per axis. */
    static final int GRID = 200;

    private DecisionBoundaryChart() {
    }

    public static void write(Network net, Dataset data, String title, String subtitle, Path png) {
        ScatterChart.requireTwoFeatures(data);
        double[] xr = Charts.paddedRange(data, 0);
        double[] yr = Charts.paddedRange(data, 1);
        double dx = (xr[1] - xr[0]) / GRID;
        double dy = (yr[1] - yr[0]) / GRID;
        double[][] cells = predictGrid(net, xr[0] + dx / 2, dx, yr[0] + dy / 2, dy);

        DefaultXYZDataset regions = new DefaultXYZDataset();
        regions.addSeries("regions", cells);
        XYBlockRenderer blocks = new XYBlockRenderer();
        blocks.setBlockWidth(dx);
        blocks.setBlockHeight(dy);
        LookupPaintScale scale = new LookupPaintScale(-0.5, net.outputSize() - 0.5, Palette.pale(0));
        for (int k = 0; k < net.outputSize(); k++) {
            scale.add(k - 0.5, Palette.pale(k));
        }
        blocks.setPaintScale(scale);
        blocks.setSeriesVisibleInLegend(0, false);

        XYPlot plot = new XYPlot(Charts.points(data), Charts.axis("x1", xr), Charts.axis("x2", yr),
                Charts.pointRenderer(data.numClasses()));
        plot.setDataset(1, regions);
        plot.setRenderer(1, blocks);
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.REVERSE);
        Charts.writePng(Charts.chart(title, subtitle, plot), png);
    }

    /** {x[], y[], predicted class[]} for every cell centre, in chunks of the network's batch. */
    static double[][] predictGrid(Network net, double x0, double dx, double y0, double dy) {
        int cells = GRID * GRID;
        double[] points = new double[2 * cells];
        double[][] xyz = new double[3][cells];
        for (int i = 0; i < GRID; i++) {
            for (int j = 0; j < GRID; j++) {
                int c = i * GRID + j;
                points[2 * c] = xyz[0][c] = x0 + i * dx;
                points[2 * c + 1] = xyz[1][c] = y0 + j * dy;
            }
        }
        Batch batch = net.batch();
        for (int from = 0; from < cells; from += batch.capacity()) {
            int count = Math.min(batch.capacity(), cells - from);
            batch.loadPoints(points, from, count);
            net.forward();
            for (int s = 0; s < count; s++) {
                xyz[2][from + s] = net.predicted(s);
            }
        }
        return xyz;
    }
}
