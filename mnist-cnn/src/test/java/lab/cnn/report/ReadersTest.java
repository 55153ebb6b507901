package lab.cnn.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import lab.core.UserError;
import lab.core.io.AtomicFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The inputs read back as training wrote them, and the smoothing. */
class ReadersTest {
    @TempDir
    Path tmp;

    @Test
    void metricsAndCurvesRoundTrip() {
        CnnMetrics m = ReportFixtures.metrics("adam-relu", 2, 0.98, 0.97, 900, null);
        ReportFixtures.writeResults(tmp, m);
        CnnRun run = CnnRun.load(tmp.resolve("cnn"), tmp.resolve("runs"), "adam-relu").orElseThrow();
        assertEquals(0.97, run.metrics().testAccuracy());
        assertEquals(2200, run.metrics().iterations());
        assertEquals("linux-x86_64-onednn-avx2", run.metrics().backend().get("native_build"));
        assertEquals(m.curves().loss().size(), run.loss().size());
        assertEquals(m.curves().loss().get(5).loss(), run.loss().get(5).loss(), 1e-5);
        assertEquals(2, run.evals().size());
        assertEquals(0.96, run.evals().get(0).testAccuracy(), 1e-9);
        assertEquals(2.0, run.lastEvalEpoch());
        assertTrue(!run.hasLayerStats());
        assertTrue(CnnRun.load(tmp.resolve("cnn"), tmp.resolve("runs"), "missing").isEmpty());
    }

    @Test
    void layerStatsRowsAreReadByColumnName() {
        AtomicFiles.writeString(tmp.resolve("stats.csv"), LayerStatsCsv.HEADER + "\n"
                + "100,0.09091,conv2,pool,6400,-1,2,0.5,0.25,-1,-0.5,0,0.25,0.5,0.75,1,1.5,2,-1,2,"
                + "1;2;3;4;5;6;7;8;9;10;11;12;13;14;15;16;17;18;19;20\n"
                + "0,0,conv1,W,800,-0.2,0.2,0,0.1,-0.2,-0.15,-0.1,-0.05,0,0.05,0.1,0.15,0.2,-0.2,0.2,"
                + "0;0;0;0;0;0;0;0;0;800;0;0;0;0;0;0;0;0;0;0\n");
        List<LayerStat> rows = LayerStatsCsv.read(tmp.resolve("stats.csv"));
        assertEquals(List.of(0L, 100L), rows.stream().map(LayerStat::iteration).toList());
        LayerStat pool = rows.get(1);
        assertEquals("conv2", pool.layer());
        assertEquals("pool", pool.quantity());
        assertEquals(6400, pool.count());
        assertEquals(0.5, pool.median());
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.25, 0.5, 0.75, 1, 1.5, 2}, pool.percentiles());
        assertEquals(20, pool.hist().length);
        assertEquals(List.of("conv1", "conv2"), LayerStatsCsv.layers(rows));
        assertEquals(List.of("pool"), LayerStatsCsv.quantities(rows, "conv2"));
    }

    /** layer-stats.csv is appended during training: a run killed mid-line leaves a partial last line. */
    @Test
    void layerStatsLogToleratesATruncatedLastLine() {
        String whole = LayerStatsCsv.HEADER + "\n"
                + "0,0,conv1,W,800,-0.2,0.2,0,0.1,-0.2,-0.15,-0.1,-0.05,0,0.05,0.1,0.15,0.2,-0.2,0.2,"
                + "0;0;0;0;0;0;0;0;0;800;0;0;0;0;0;0;0;0;0;0\n";
        AtomicFiles.writeString(tmp.resolve("stats.csv"), whole + "100,0.09091,conv2,pool,6400,-1,2,0.5");
        assertEquals(List.of(0L), LayerStatsCsv.read(tmp.resolve("stats.csv")).stream()
                .map(LayerStat::iteration).toList());

        // A result file (written whole, atomically) with a short line is still an error.
        AtomicFiles.writeString(tmp.resolve("loss.csv"), "iteration,epoch,loss\n10,0.01,2.3\n20,0.02");
        UserError e = assertThrows(UserError.class, () -> Csv.read(tmp.resolve("loss.csv"), "loss"));
        assertEquals(tmp.resolve("loss.csv") + ":3: 2 fields, the header has 3", e.getMessage());
    }

    @Test
    void emaStartsAtTheFirstValueAndSkipsNonFinite() {
        double[] s = RunCharts.ema(new double[] {1, 2, Double.NaN, 3}, 0.5);
        assertEquals(1.0, s[0]);
        assertEquals(1.5, s[1]);
        assertTrue(Double.isNaN(s[2]));
        assertEquals(2.25, s[3]);
    }

    @Test
    void logAxisTicksArePlainRoundNumbers() {
        assertEquals(List.of(0.1, 0.2, 0.5, 1.0, 2.0, 5.0), PlainLogAxis.tickValues(0.08, 7));
        assertEquals(List.of(0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 2.0), PlainLogAxis.tickValues(0.47, 2.7)
                .stream().map(v -> Math.round(v * 10) / 10.0).toList());
        assertEquals("0.02", PlainLogAxis.format(0.02));
        assertEquals("1E-5", PlainLogAxis.format(1e-5));
    }
}
