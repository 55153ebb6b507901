package lab.cnn.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import lab.cnn.data.ImageGeometry;
import lab.cnn.model.DeepMnistNetwork;
import lab.cnn.train.CnnTrainer;
import lab.cnn.train.LossPoint;
import lab.cnn.train.Schedule;
import lab.cnn.train.TrainingRun;
import lab.core.kind.RunContext;
import lab.core.UserError;
import lab.core.config.ExperimentSpec;
import lab.core.config.ExperimentsFile;
import lab.core.io.Json;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A colour dataset is a YAML change: 32x32x3 images in IDX files and {@code classes: 4} give a
 * network with 3 input channels and 4 outputs, which learns (the loss falls within a few dozen
 * steps).
 */
class ColourIdxExperimentTest {
    private static final Map<String, Class<? extends ExperimentSpec>> KINDS = Map.of("cnn", CnnExperiment.class);

    @TempDir
    Path tmp;

    private RunContext context(String yaml) {
        ExperimentsFile file = ExperimentsFile.parse("experiments.yaml", yaml, KINDS);
        return new RunContext(file, tmp, tmp.resolve("results"), tmp.resolve("runs"), tmp.resolve("cache"));
    }

    @Test
    void colourImagesBindLoadAndTrain() throws Exception {
        // the training file must hold the 5,000 validation images the split keeps back
        ColourBlobs.write(tmp.resolve("blobs"), 5_000 + 48, 16, 32, 3, 4, 1);
        RunContext ctx = context("""
                experiments:
                  colour:
                    kind: cnn
                    dataset: {type: idx, path: blobs, classes: 4}
                    learning_rate: 1.0e-3
                    batch_size: 8
                    fc_width: 64
                    iterations: 30
                    train_images: 48
                    validation_images: 16
                    test_images: 16
                """);
        CnnExperiment spec = (CnnExperiment) ctx.experiments().get("colour");
        assertEquals(new IdxDataset("blobs", 4), spec.dataset());

        CnnImages images = CnnImages.load("colour", spec, ctx);
        assertEquals(new ImageGeometry(32, 32, 3, 4), images.geometry());
        assertEquals("IDX blobs", images.name());
        MultiLayerNetwork net = DeepMnistNetwork.create(spec.networkSpec(), images.geometry());
        assertEquals(3, ((ConvolutionLayer) net.getLayer(0).conf().getLayer()).getNIn());
        assertEquals(4, ((OutputLayer) net.getLayer(net.getnLayers() - 1).conf().getLayer()).getNOut());
        assertArrayEquals(new long[] {8, 32 * 32 * 3}, images.train(spec).next().getFeatures().shape());
        assertArrayEquals(new long[] {16, 4}, net.output(images.test().next().getFeatures()).shape());

        TrainingRun run = new CnnTrainer("colour", new Schedule(spec.iterations(), spec.iterations(), 1))
                .train(net, images.train(spec), images.validation(), images.test(), images.images().train().size());
        assertFalse(run.diverged());
        List<Double> loss = run.loss().stream().map(LossPoint::loss).toList();
        double first = loss.get(0);
        double last = loss.subList(loss.size() - 5, loss.size()).stream().mapToDouble(d -> d).average().orElseThrow();
        assertTrue(last < 0.5 * first, "loss " + first + " -> " + last + ": " + loss);
    }

    @Test
    void configEchoOfTheDatasetsIsAsBefore() {
        RunContext ctx = context("""
                experiments:
                  m:
                    kind: cnn
                  f:
                    kind: cnn
                    dataset: {type: idx, path: /usr/share/datasets/fashion-mnist}
                """);
        // metrics.json's config echo and the checkpoints' fingerprint: the keys given, nothing added
        assertTrue(Json.toJson(ctx.experiments().get("m")).contains("""
                  "dataset" : {
                    "type" : "mnist"
                  },
                """));
        assertTrue(Json.toJson(ctx.experiments().get("f")).contains("""
                  "dataset" : {
                    "type" : "idx",
                    "path" : "/usr/share/datasets/fashion-mnist"
                  },
                """));
    }

    @Test
    void labelsBeyondTheDeclaredClassesAreADataError() throws Exception {
        ColourBlobs.write(tmp.resolve("blobs"), 5_000 + 8, 8, 8, 3, 4, 2);
        RunContext ctx = context("""
                experiments:
                  colour:
                    kind: cnn
                    dataset: {type: idx, path: blobs, classes: 3}
                    batch_size: 4
                """);
        UserError e = assertThrows(UserError.class,
                () -> CnnImages.load("colour", (CnnExperiment) ctx.experiments().get("colour"), ctx));
        assertTrue(e.getMessage().contains("label 3 at index 3 is outside 0..2"), e.getMessage());
    }

    @Test
    void sizesThePoolingsCannotHalveAreOneLine() throws Exception {
        ColourBlobs.write(tmp.resolve("odd"), 5_000 + 8, 8, 10, 3, 4, 3);
        RunContext ctx = context("""
                experiments:
                  odd:
                    kind: cnn
                    dataset: {type: idx, path: odd, classes: 4}
                    batch_size: 4
                """);
        UserError e = assertThrows(UserError.class,
                () -> CnnImages.load("odd", (CnnExperiment) ctx.experiments().get("odd"), ctx));
        assertEquals(tmp.resolve("odd") + ": images are 10x10x3, 4 classes: the network's two 2x2 poolings need a "
                + "height and width divisible by 4", e.getMessage());
    }
}
