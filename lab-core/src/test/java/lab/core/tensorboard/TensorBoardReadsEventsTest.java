package lab.core.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TensorBoard's own reader ({@code EventAccumulator}, through
 * {@code src/test/resources/tensorboard/dump_events.py}) sees the tags, steps and values the Java
 * writer wrote, including a resumed run's restart. Skipped where {@code python3} cannot import
 * tensorboard ({@code pip install tensorboard}).
 */
class TensorBoardReadsEventsTest {
    @TempDir
    Path tmp;

    @BeforeAll
    static void needsTensorBoard() {
        Result probe = python(List.of("-c", "import tensorboard"));
        assumeTrue(probe.exit == 0, "python3 cannot import tensorboard (pip install tensorboard): skipped");
    }

    private record Result(int exit, String out) {
    }

    private static Result python(List<String> args) {
        List<String> command = new ArrayList<>(List.of("python3"));
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
            p.getOutputStream().close();
            byte[] out = p.getInputStream().readAllBytes();
            String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return new Result(-1, "timed out");
            }
            return new Result(p.exitValue(), p.exitValue() == 0 ? new String(out, StandardCharsets.UTF_8) : err);
        } catch (IOException e) {
            return new Result(-1, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Result(-1, e.toString());
        }
    }

    @Test
    void eventAccumulatorReadsScalarsHistogramsImagesAndRestarts() throws Exception {
        double[] weights = {-0.5, -0.25, 0, 0.125, 0.5, 0.5};
        try (EventWriter first = EventWriter.open(tmp)) {
            for (int step = 1; step <= 5; step++) {
                first.scalar("loss/train", step, 1.0 / step);
            }
            first.histogram("conv1/W", 3, weights);
            first.image("filters/conv1", 3, new BufferedImage(20, 10, BufferedImage.TYPE_BYTE_GRAY));
        }
        // A run resumed from its checkpoint at step 3: steps 4 and 5 of the first file are stale.
        try (EventWriter resumed = EventWriter.open(tmp)) {
            resumed.sessionStart(4);
            resumed.scalar("loss/train", 4, 0.0625);
            resumed.scalar("loss/train", 6, 0.03125);
            resumed.histogram("conv1/W", 6, new float[] {1f, 2f});
        }

        Path script = Path.of(getClass().getResource("/tensorboard/dump_events.py").toURI());
        Result run = python(List.of(script.toString(), tmp.toString()));
        assertEquals(0, run.exit, run.out);
        JsonNode read = new ObjectMapper().readTree(run.out);

        assertEquals("[[1,1.0],[2,0.5],[3,0.3333333432674408],[4,0.0625],[6,0.03125]]",
                read.get("scalars").get("loss/train").toString(), "float32 values; steps 4, 5 of the first file dropped");

        JsonNode histos = read.get("histograms").get("conv1/W");
        assertEquals(2, histos.size());
        Histogram expected = Histogram.of(weights);
        JsonNode h = histos.get(0);
        assertEquals(3, h.get("step").asLong());
        assertEquals(expected.min(), h.get("min").asDouble());
        assertEquals(expected.max(), h.get("max").asDouble());
        assertEquals(6, h.get("num").asDouble());
        assertEquals(expected.sum(), h.get("sum").asDouble());
        for (int b = 0; b < Histogram.BUCKETS; b++) {
            assertEquals(expected.bucketLimits()[b], h.get("bucket_limit").get(b).asDouble());
            assertEquals(expected.bucketCounts()[b], h.get("bucket").get(b).asDouble());
        }
        assertEquals(6, histos.get(1).get("step").asLong());

        JsonNode image = read.get("images").get("filters/conv1").get(0);
        assertEquals(3, image.get("step").asLong());
        assertEquals(20, image.get("width").asInt());
        assertEquals(10, image.get("height").asInt());
    }
}
