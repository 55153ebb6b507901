package lab.cnn.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import lab.cnn.train.EvalPoint;
import lab.cnn.train.LossPoint;
import lab.core.io.AtomicFiles;
import lab.core.io.Json;

/** Synthetic files of cnn runs, in the formats training writes. */
final class ReportFixtures {
    static final int ITERATIONS_PER_EPOCH = 1100;

    private ReportFixtures() {
    }

    /** A run's metrics with one evaluation per epoch, the last at (val, test) accuracy. */
    static CnnMetrics metrics(String name, double epochs, double valAccuracy, double testAccuracy,
                              double imagesPerSecond, Long divergedAt) {
        long iterations = Math.round(epochs * ITERATIONS_PER_EPOCH);
        List<LossPoint> loss = new ArrayList<>();
        for (long it = 10; it <= iterations; it += 10) {
            double clean = 2.3 * Math.exp(-it / 150.0) + 4 * (1 - testAccuracy);
            double noise = 1 + 0.3 * Math.sin(it * 0.7);
            double value = divergedAt != null && it >= divergedAt ? Double.NaN : clean * noise;
            loss.add(new LossPoint(it, (double) it / ITERATIONS_PER_EPOCH, value));
        }
        List<EvalPoint> evals = new ArrayList<>();
        int evalCount = (int) Math.round(epochs);
        for (int e = 1; e <= evalCount; e++) {
            double lag = 0.01 * (evalCount - e);
            evals.add(new EvalPoint((long) e * ITERATIONS_PER_EPOCH, e, valAccuracy - lag, testAccuracy - lag,
                    60.0 * e));
        }
        Map<String, String> backend = new LinkedHashMap<>();
        backend.put("backend", "CPU");
        backend.put("omp_threads", "1");
        backend.put("native_build", "linux-x86_64-onednn-avx2");
        return new CnnMetrics(name, "synthetic " + name, "mvn -q compile exec:java -Dexp=" + name,
                Map.of("updater", "adam"), new CnnMetrics.DatasetInfo("MNIST", "/data/mnist", 55000, 5000, 10000),
                valAccuracy, testAccuracy, 1 - valAccuracy, 1 - testAccuracy, 60.0 * epochs, 3.5, imagesPerSecond,
                iterations, epochs, divergedAt != null, divergedAt, List.of(), new CnnMetrics.Curves(loss, evals), backend,
                Map.of("deeplearning4j", "1.0.0-M2.1", "java", "17"), "/runs/" + name + "/model.zip");
    }

    /** metrics.json, loss.csv and eval.csv as CnnRunner writes them. */
    static void writeResults(Path resultsDir, CnnMetrics m) {
        Path dir = resultsDir.resolve("cnn").resolve(m.experiment());
        CurveCsv.writeLoss(m.curves().loss(), dir.resolve("loss.csv"));
        CurveCsv.writeEval(m.curves().eval(), dir.resolve("eval.csv"));
        Json.write(dir.resolve("metrics.json"), m);
    }

    /** layer-stats.csv every 100 iterations for conv1, conv2 (with pool), fc1 and output. */
    static void writeLayerStats(Path runsDir, String name, long iterations) {
        double[] z = {-3, -1.5, -1, -0.5, 0, 0.5, 1, 1.5, 3};
        StringBuilder csv = new StringBuilder(LayerStatsCsv.HEADER).append('\n');
        for (long it = 0; it <= iterations; it += 100) {
            for (String layer : LayerStatsCsv.LAYERS) {
                for (String q : LayerStatsCsv.QUANTITIES) {
                    if (q.equals("pool") && !layer.startsWith("conv")) {
                        continue;
                    }
                    double mean = q.equals("b") ? 0.001 * it / 100 : 0.1 * Math.sin(it / 300.0 + q.length());
                    double std = 0.05 + 0.02 * it / 1000.0 + 0.01 * layer.length();
                    StringBuilder p = new StringBuilder();
                    for (double zi : z) {
                        p.append(String.format(Locale.ROOT, ",%.6g", mean + zi * std));
                    }
                    StringBuilder hist = new StringBuilder();
                    for (int b = 0; b < LayerStatsCsv.HIST_BINS; b++) {
                        hist.append(b == 0 ? "" : ";").append(100 + b * (LayerStatsCsv.HIST_BINS - b));
                    }
                    csv.append(String.format(Locale.ROOT, "%d,%.5f,%s,%s,%d,%.6g,%.6g,%.6g,%.6g%s,%.6g,%.6g,%s%n", it,
                            (double) it / ITERATIONS_PER_EPOCH, layer, q, 800, mean - 3 * std, mean + 3 * std, mean,
                            std, p, mean - 3 * std, mean + 3 * std, hist));
                }
            }
        }
        AtomicFiles.writeString(runsDir.resolve(name).resolve("layer-stats.csv"), csv.toString());
    }

    /** A run in memory (no files), for observations. */
    static CnnRun run(CnnMetrics m) {
        return new CnnRun(m.experiment(), Path.of(m.experiment()), m, m.curves().loss(), m.curves().eval(),
                Path.of("runs", m.experiment(), "layer-stats.csv"), List.of());
    }
}
