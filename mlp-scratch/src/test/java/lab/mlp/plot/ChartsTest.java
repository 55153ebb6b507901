package lab.mlp.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import lab.mlp.data.Dataset;
import lab.mlp.data.ToyData;
import lab.mlp.model.Activation;
import lab.mlp.model.NLayerNetwork;
import lab.mlp.model.Network;
import lab.mlp.train.CurvePoint;
import lab.mlp.train.GradientScale;
import lab.mlp.train.Trainer;
import lab.mlp.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartsTest {
    @TempDir
    Path dir;

    @Test
    void pngsAreWrittenHeadlessAtTheChartSize() throws IOException {
        Dataset data = ToyData.moons(60, 0.2, 0);
        Network net = new NLayerNetwork(new int[] {2, 5, 2}, Activation.TANH, 0.01, data.size(), 0);
        new Trainer(new TrainingConfig(0.01, 0.01, 500, GradientScale.SUM, 0, 0, 100), null).train(net, data);
        DecisionBoundaryChart.write(net, data, "title", "subtitle", dir.resolve("b.png"));
        ScatterChart.write(data, dir.resolve("d.png"));
        LossChart.write(List.of(new CurvePoint(0, 0.7, 0.5), new CurvePoint(100, 0.1, 0.9)), "t", "s", dir.resolve("l.png"));
        for (String name : List.of("b.png", "d.png", "l.png")) {
            BufferedImage image = ImageIO.read(dir.resolve(name).toFile());
            assertEquals(Charts.WIDTH, image.getWidth(), name);
            assertEquals(Charts.HEIGHT, image.getHeight(), name);
        }
        try (var files = Files.list(dir)) {
            assertEquals(3, files.count(), "no temporary files left behind");
        }
    }

    @Test
    void gridPredictionsAreTheNetworksPredictions() {
        Dataset data = ToyData.moons(60, 0.2, 0);
        Network net = new NLayerNetwork(new int[] {2, 5, 2}, Activation.TANH, 0.01, data.size(), 0);
        new Trainer(new TrainingConfig(0.01, 0.01, 2000, GradientScale.SUM, 0, 0, 100), null).train(net, data);
        double[][] xyz = DecisionBoundaryChart.predictGrid(net, -1.5, 0.02, -1, 0.015);
        int cells = DecisionBoundaryChart.GRID * DecisionBoundaryChart.GRID;
        assertEquals(cells, xyz[2].length);
        // Spot-check cells one at a time through a fresh batch load.
        int[] classes = new int[2];
        for (int c = 0; c < cells; c += 997) {
            net.batch().loadPoints(new double[] {xyz[0][c], xyz[1][c]}, 0, 1);
            net.forward();
            assertEquals(net.predicted(0), (int) xyz[2][c], "cell " + c);
            classes[net.predicted(0)]++;
        }
        assertTrue(classes[0] > 0 && classes[1] > 0, "both classes appear on the grid");
    }

    @Test
    void plotsNeedTwoFeatures() {
        Dataset three = Dataset.of("3-d", 3, new double[] {1, 2, 3, 4, 5, 6}, new int[] {0, 1});
        assertThrows(IllegalArgumentException.class, () -> ScatterChart.write(three, dir.resolve("x.png")));
    }
}
