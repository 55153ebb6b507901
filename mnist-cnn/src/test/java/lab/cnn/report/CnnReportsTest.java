package lab.cnn.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import lab.cnn.data.ImageSplit;
import lab.cnn.train.TestPredictions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** writeAll on synthetic runs: every picture at its size, the tables and the index. */
class CnnReportsTest {
    @TempDir
    Path tmp;

    private static void assertPng(Path file, int width, int height) throws IOException {
        assertTrue(Files.isRegularFile(file), file + " exists");
        BufferedImage image = ImageIO.read(file.toFile());
        assertEquals(width, image.getWidth(), file.toString());
        assertEquals(height, image.getHeight(), file.toString());
        assertTrue(Files.size(file) <= 150_000, file + " is " + Files.size(file) + " bytes");
    }

    @Test
    void writesEveryChartTheReportsAndTheIndex() throws IOException {
        Path results = tmp.resolve("results");
        Path runs = tmp.resolve("runs");
        ReportFixtures.writeResults(results, ReportFixtures.metrics("adam-relu", 1, 0.9762, 0.9724, 907.2, null));
        ReportFixtures.writeLayerStats(runs, "adam-relu", 1100);
        ReportFixtures.writeResults(results, ReportFixtures.metrics("adagrad-relu", 1, 0.9650, 0.9631, 1012.6, null));
        ReportFixtures.writeResults(results, ReportFixtures.metrics("adagrad-tanh", 2, 0.5, 0.098, 880.0, 700L));
        ReportFixtures.writeLayerStats(runs, "adagrad-tanh", 2200);

        CnnReports.writeAll(results, runs, List.of("adam-relu", "adagrad-relu", "adagrad-leakyrelu", "adagrad-tanh",
                "sgd-relu"), "mvn -q compile exec:java -Dexp=cnn-report", "`mvn -q compile exec:java -Dexp=cnn-reference`");

        Path cnn = results.resolve("cnn");
        for (String name : List.of("adam-relu", "adagrad-relu", "adagrad-tanh")) {
            assertPng(cnn.resolve(name).resolve("loss.png"), ReportCharts.WIDTH, ReportCharts.HEIGHT);
            assertPng(cnn.resolve(name).resolve("error.png"), ReportCharts.WIDTH, ReportCharts.HEIGHT);
        }
        for (String name : List.of("adam-relu", "adagrad-tanh")) {
            for (String layer : LayerStatsCsv.LAYERS) {
                assertPng(cnn.resolve(name).resolve("layer-" + layer + ".png"), ReportCharts.GRID_WIDTH,
                        ReportCharts.GRID_HEIGHT);
            }
            for (String layer : LayerCharts.DISTRIBUTION_LAYERS) {
                assertPng(cnn.resolve(name).resolve("distributions-" + layer + ".png"), ReportCharts.GRID_WIDTH,
                        ReportCharts.GRID_HEIGHT);
            }
        }
        assertFalse(Files.exists(cnn.resolve("adam-relu/distributions-output.png")));
        for (String group : List.of("optimizers", "activations-adagrad")) {
            assertPng(cnn.resolve("compare-" + group + ".png"), ReportCharts.GRID_WIDTH, ReportCharts.GRID_HEIGHT);
        }
        assertFalse(Files.exists(cnn.resolve("compare-activations-adam.png")), "one member only: skipped");
        assertFalse(Files.exists(cnn.resolve("sgd-relu")), "nothing written for a run without results");
        try (Stream<Path> all = Files.walk(tmp)) {
            List<Path> leftovers = all.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
            assertEquals(List.of(), leftovers, "no temporary files left behind");
        }

        String report = Files.readString(cnn.resolve("adam-relu/report.md"));
        assertTrue(report.startsWith("# adam-relu\n\nsynthetic adam-relu\n\nTrained by "
                + "`mvn -q compile exec:java -Dexp=adam-relu` on MNIST (55,000 training, 5,000 validation, 10,000 test "
                + "images). This page was written by `mvn -q compile exec:java -Dexp=cnn-report`"), report);
        for (String row : List.of("| validation accuracy | 0.9762 |", "| test accuracy | 0.9724 |",
                "| validation error | 2.38% |", "| test error | 2.76% |", "| epochs | 1.00 |", "| iterations | 1,100 |",
                "| train seconds | 60.0 |", "| eval seconds | 3.5 |", "| images/s (training) | 907 |",
                "| diverged | no |", "| backend | CPU |", "| native build | linux-x86_64-onednn-avx2 |",
                "| threads | 1 |", "| DL4J | 1.0.0-M2.1 |", "![training loss](loss.png)",
                "![validation and test error](error.png)", "![conv1 statistics](layer-conv1.png)",
                "![fc1 distributions](distributions-fc1.png)", "![output statistics](layer-output.png)",
                "From `runs/adam-relu/layer-stats.csv`.", "weights, biases, net input, activation and pooled output")) {
            assertTrue(report.contains(row), row + " in\n" + report);
        }
        assertTrue(Files.readString(cnn.resolve("adagrad-tanh/report.md")).contains("| diverged | **yes** (iteration 700) |"));

        String index = Files.readString(cnn.resolve("README.md"));
        for (String row : List.of(
                "| [adam-relu](adam-relu/report.md) | 1 | 2.38% | 2.76% | 1.00 | 2.76% | 1.00 | 907 | no |",
                "| [adagrad-relu](adagrad-relu/report.md) | 1 | 3.50% | 3.69% | 1.00 | 3.69% | 1.00 | 1013 | no |",
                "| adagrad-leakyrelu | not run yet | | | | | | | |",
                "| [adagrad-tanh](adagrad-tanh/report.md) | 1 | 50.00% | 90.20% | 2.00 | 90.20% | 2.00 | 880 "
                        + "| **yes** (iteration 700) |",
                "| sgd-relu | not run yet | | | | | | | |",
                "`mvn -q compile exec:java -Dexp=cnn-report`", "`mvn -q compile exec:java -Dexp=cnn-reference`",
                "- 3 of 5 experiments have results; not run yet: adagrad-leakyrelu, sgd-relu.",
                "- Diverged: adagrad-tanh (at iteration 700).",
                "## Activations under Adagrad", "Varies: activation. Held fixed: Adagrad, learning rate 0.01, Xavier init",
                "adagrad-relu, adagrad-tanh. Not run yet: adagrad-leakyrelu.",
                "![Activations under Adagrad: smoothed training loss and test error against epoch]"
                        + "(compare-activations-adagrad.png)",
                "- **adagrad-tanh diverged** at iteration 700, so its errors are not a result.",
                "## Optimizers, each at the seed report's learning rate",
                "- After 1.00 epochs, test error is lowest for adam-relu, 2.76% (one seed), and highest for "
                        + "adagrad-relu, 3.69% (one seed): a difference of 0.93 points, beyond the noise (2 SE = 0.50 points).",
                "Not compared yet (fewer than 2 of their runs have results): Activations under Adam, Initialisation, "
                        + "Training length.")) {
            assertTrue(index.contains(row), row + " in\n" + index);
        }
        // The table lists experiments in the caller's order.
        List<Integer> positions = new ArrayList<>();
        for (String name : List.of("| [adam-relu]", "| [adagrad-relu]", "| adagrad-leakyrelu", "| [adagrad-tanh]",
                "| sgd-relu")) {
            positions.add(index.indexOf(name));
        }
        assertEquals(positions.stream().sorted().toList(), positions);
    }

    @Test
    void seedsOfAnExperimentAreOneRowWithMeanSdAndN() throws IOException {
        Path results = tmp.resolve("results");
        ReportFixtures.writeResults(results, ReportFixtures.metrics("adam-relu", 1, 0.990, 0.990, 900, null));
        ReportFixtures.writeResults(results, ReportFixtures.metrics("adam-relu-seed1", 1, 0.992, 0.988, 900, null));
        ReportFixtures.writeResults(results, ReportFixtures.metrics("adam-relu-seed2", 1, 0.988, 0.989, 900, null));
        ReportFixtures.writeResults(results, ReportFixtures.metrics("adam-relu-seedling", 1, 0.5, 0.5, 900, null));
        ReportFixtures.writeResults(results, ReportFixtures.metrics("adagrad-relu", 1, 0.99, 0.9907, 900, null));
        CnnReports.writeAll(results, tmp.resolve("runs"), List.of("adam-relu", "adagrad-relu"), "regen", "train");
        String index = Files.readString(results.resolve("cnn/README.md"));
        assertTrue(index.contains("| [adam-relu](adam-relu/report.md) | 3 | 1.00% ± 0.20 (n=3) | 1.10% ± 0.10 (n=3) "
                + "| 1.00, 1.00, 1.00 | 1.10% | 1.00 | 900 | no |"), index);
        assertTrue(index.contains("adam-relu (3 seeds), adagrad-relu."), index);
        assertTrue(index.contains("within the noise"), index);
        assertTrue(Files.isRegularFile(results.resolve("cnn/adam-relu-seed2/report.md")), "every seed has its page");
        assertPng(results.resolve("cnn/compare-optimizers.png"), ReportCharts.GRID_WIDTH, ReportCharts.GRID_HEIGHT);
    }

    @Test
    void aRunWithoutLayerStatisticsGetsNoLayerChartsAndSaysSo() throws IOException {
        Path results = tmp.resolve("results");
        ReportFixtures.writeResults(results, ReportFixtures.metrics("adam-relu", 1, 0.98, 0.97, 900, null));
        CnnReports.writeAll(results, tmp.resolve("runs"), List.of("adam-relu"), "regen", "train");
        Path dir = results.resolve("cnn/adam-relu");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of("error.png", "eval.csv", "loss.csv", "loss.png", "metrics.json", "report.md"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.endsWith("## Layers\n\n`runs/adam-relu/layer-stats.csv` does not exist, so there are no "
                + "layer charts for this run.\n"), report);
        String index = Files.readString(results.resolve("cnn/README.md"));
        assertTrue(index.contains("- All 1 experiments have results.\n- No run diverged.\n"), index);
        assertTrue(index.contains("Not compared yet (fewer than 2 of their runs have results): Activations under Adam, "
                + "Activations under Adagrad, Optimizers, each at the seed report's learning rate, Initialisation, "
                + "Training length."), index);
    }

    @Test
    void aRunWithTestPredictionsGetsItsConfusionMatrixAndMistakes() throws IOException {
        Path results = tmp.resolve("results");
        ReportFixtures.writeResults(results, ReportFixtures.metrics("adam-relu", 1, 0.98, 0.97, 900, null));
        Path dir = results.resolve("cnn/adam-relu");
        long[][] confusion = new long[10][10];
        for (int t = 0; t < 10; t++) {
            confusion[t][t] = 95;
            confusion[t][(t + 1) % 10] = t;
        }
        PredictionCsv.writeConfusion(confusion, dir.resolve(PredictionCsv.CONFUSION));
        List<TestPredictions.Mistake> mistakes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            mistakes.add(new TestPredictions.Mistake(100 + i, i % 10, (i + 1) % 10, (99 - i) / 100.0));
        }
        PredictionCsv.writeMistakes(mistakes, dir.resolve(PredictionCsv.MISTAKES));
        assertEquals(confusion[3][4], PredictionCsv.readConfusion(dir.resolve(PredictionCsv.CONFUSION))[3][4]);
        assertEquals(mistakes, PredictionCsv.readMistakes(dir.resolve(PredictionCsv.MISTAKES)));
        MistakesGrid.write("adam-relu", mistakes, new ImageSplit("test", 28, 28, new byte[200 * 784],
                new byte[200], 0, 200), dir.resolve(ExperimentReport.MISTAKES_PNG));

        CnnReports.writeAll(results, tmp.resolve("runs"), List.of("adam-relu"), "regen", "train");
        BufferedImage png = ImageIO.read(dir.resolve(ExperimentReport.CONFUSION_PNG).toFile());
        assertEquals(ConfusionChart.SIZE, png.getWidth());
        BufferedImage grid = ImageIO.read(dir.resolve(ExperimentReport.MISTAKES_PNG).toFile());
        assertEquals(MistakesGrid.COLUMNS * MistakesGrid.CELL_W, grid.getWidth());
        assertEquals(MistakesGrid.TITLE + 4 * MistakesGrid.CELL_H, grid.getHeight(), "16 of the 20 mistakes: 4 rows");
        String report = Files.readString(dir.resolve("report.md"));
        assertTrue(report.contains("## Test set\n\n![confusion matrix](confusion.png)"), report);
        assertTrue(report.contains("![the most confident mistakes](mistakes.png)"), report);
        assertTrue(report.contains("| 100 | 0 | 1 | 0.990 |\n"), report);
        assertTrue(report.contains("| 115 | 5 | 6 | 0.840 |\n\n## Layers"), "16 rows listed:\n" + report);
    }

    @Test
    void aRunWithoutTestPredictionsSaysHowToGetThem() throws IOException {
        Path results = tmp.resolve("results");
        ReportFixtures.writeResults(results, ReportFixtures.metrics("adam-relu", 1, 0.98, 0.97, 900, null));
        CnnReports.writeAll(results, tmp.resolve("runs"), List.of("adam-relu"), "regen", "train");
        String report = Files.readString(results.resolve("cnn/adam-relu/report.md"));
        assertTrue(report.contains("## Test set\n\nThis run left no `confusion.csv`"), report);
        assertTrue(!Files.exists(results.resolve("cnn/adam-relu/confusion.png")));
    }
}
