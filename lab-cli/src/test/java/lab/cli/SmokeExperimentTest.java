package lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI smoke epoch: {@code smoke} from the project's experiments.yaml, end to end through the
 * command line, on real MNIST (fetched and verified into the project's data/ if missing).
 */
class SmokeExperimentTest {
    @TempDir
    Path out;

    @Test
    void oneEpochOnFiveThousandImagesLearnsMnist() throws Exception {
        Path root = RealExperimentsFileTest.FILE.getParent();
        int code = Main.execute("--exp", "smoke", "--experiments", RealExperimentsFileTest.FILE.toString(),
                "--results-dir", out.resolve("results").toString(), "--runs-dir", out.resolve("runs").toString(),
                "--cache-dir", root.resolve("data").toString());
        assertEquals(0, code);

        JsonNode metrics = new ObjectMapper().readTree(out.resolve("results/cnn/smoke/metrics.json").toFile());
        assertEquals(1000, metrics.at("/dataset/test_images").asInt());
        assertEquals(5000, metrics.at("/dataset/train_images").asInt());
        double accuracy = metrics.get("test_accuracy").asDouble();
        assertTrue(accuracy >= 0.90, "test accuracy " + accuracy);
        assertTrue(metrics.get("images_per_second").asDouble() > 0);
        assertTrue(!metrics.get("diverged").asBoolean());

        JsonNode loss = metrics.at("/curves/loss");
        double first = 0;
        double last = 0;
        for (int i = 0; i < 3; i++) {
            first += loss.get(i).get("loss").asDouble() / 3;
            last += loss.get(loss.size() - 1 - i).get("loss").asDouble() / 3;
        }
        assertTrue(last < first / 2, "loss fell from " + first + " to " + last);

        Path model = out.resolve("runs/smoke/model.zip");
        assertTrue(Files.size(model) > 1_000_000);
        MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(model.toFile(), true);
        assertEquals(3_274_634, restored.numParams());
        assertTrue(Files.exists(out.resolve("results/cnn/smoke/eval.csv")));
        // The final test evaluation, image by image, for the report's confusion matrix and mistakes.
        List<String> confusion = Files.readAllLines(out.resolve("results/cnn/smoke/confusion.csv"));
        assertEquals(11, confusion.size());
        long wrong = Files.readAllLines(out.resolve("results/cnn/smoke/mistakes.csv")).size() - 1;
        assertEquals(Math.round(1000 * (1 - accuracy)), Math.min(wrong, 100));
        assertTrue(Files.size(out.resolve("results/cnn/smoke/mistakes.png")) > 1000);
    }
}
