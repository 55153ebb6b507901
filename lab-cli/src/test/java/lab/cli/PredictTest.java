package lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lab.cnn.data.IdxFile;
import lab.cnn.data.IdxImages;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.data.MnistData;
import lab.cnn.data.MnistFiles;
import lab.cnn.model.DeepMnistNetwork;
import lab.cnn.model.NetworkSpec;
import lab.cnn.model.UpdaterKind;
import lab.cnn.predict.ExampleDigits;
import lab.cnn.train.CnnTrainer;
import lab.cnn.train.Schedule;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code -Dexp=predict} end to end through the command line, with a small network (fc 128) trained
 * here for 40 iterations on 2,000 real MNIST images (10-40 s; about 85% right), saved as a run
 * saves it: printed lines, PNG against IDX, bad files and a bad model.
 */
class PredictTest {
    @TempDir
    static Path tmp;
    static Path model;
    static Path examples;
    static Path testImages;

    private static final Pattern LINE = Pattern.compile("^(\\S+) +(\\d) +(\\d+\\.\\d)%  (\\d) +(\\d+\\.\\d)%  (\\d) +(\\d+\\.\\d)%(.*)$");

    @BeforeAll
    static void trainAndExport() throws IOException {
        Path mnistDir = new MnistFiles(RealExperimentsFileTest.FILE.getParent().resolve("data/mnist")).locate();
        MnistData mnist = MnistData.load(mnistDir).subset(2000, 500, 500);
        NetworkSpec b = NetworkSpec.baseline(0);
        NetworkSpec spec = new NetworkSpec(b.activation(), b.leakyAlpha(), b.maxoutPieces(), b.weightInit(),
                UpdaterKind.ADAM, 2e-3, b.momentum(), b.dropoutKeep(), 128, 0);
        MultiLayerNetwork net = DeepMnistNetwork.create(spec);
        new CnnTrainer("predict-test", new Schedule(40, 40, 10)).train(net,
                ImageDataSetIterator.shuffled(mnist.train(), 50, 10, 0),
                ImageDataSetIterator.inOrder(mnist.validation(), 500, 10), null, mnist.train().size());
        model = tmp.resolve("runs/tiny/model.zip");
        Files.createDirectories(model.getParent());
        ModelSerializer.writeModel(net, model.toFile(), false);

        testImages = mnistDir.resolve("t10k-images-idx3-ubyte");
        IdxImages images = IdxFile.readImages(testImages);
        byte[] labels = IdxFile.readLabels(testImages.resolveSibling("t10k-labels-idx1-ubyte"));
        examples = Files.createDirectories(tmp.resolve("examples"));
        ExampleDigits.writeTestDigits(images, labels, examples);
        ExampleDigits.writeDrawn(examples);
    }

    static MainTest.Run predict(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of("--exp", "predict", "--experiments",
                RealExperimentsFileTest.FILE.toString(), "--runs-dir", tmp.resolve("runs").toString()));
        all.addAll(List.of(args));
        return MainTest.run(all.toArray(new String[0]));
    }

    static List<Path> pngs() throws IOException {
        try (var files = Files.list(examples)) {
            return files.sorted().toList();
        }
    }

    @Test
    void everyPictureGetsOneAlignedLineOfThreeGuesses() throws IOException {
        List<Path> pngs = pngs();
        List<String> args = new java.util.ArrayList<>(List.of("--model", model.toString()));
        pngs.forEach(p -> args.add(p.toString()));
        MainTest.Run run = predict(args.toArray(new String[0]));
        assertEquals(0, run.code(), run.err());
        List<String> lines = run.out().lines().filter(l -> !l.matches("^\\d\\d:\\d\\d:\\d\\d .*")).toList();
        assertEquals(20, lines.size(), run.out());
        int column = -1;
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = LINE.matcher(lines.get(i));
            assertTrue(m.matches(), lines.get(i));
            assertEquals(pngs.get(i).toString(), m.group(1));
            assertTrue(column < 0 || column == m.start(2), "aligned: " + lines);
            column = m.start(2);
            double p1 = Double.parseDouble(m.group(3));
            double p2 = Double.parseDouble(m.group(5));
            double p3 = Double.parseDouble(m.group(7));
            assertTrue(p1 >= p2 && p2 >= p3 && p1 + p2 + p3 <= 100.2, lines.get(i));
        }
    }

    @Test
    void aTestDigitAsPngIsPredictedAsItsIdxImage() throws IOException {
        List<String> args = new java.util.ArrayList<>(List.of("--model", model.toString(), "--limit", "62",
                testImages.toString()));
        List<Path> mnistPngs = pngs().stream().filter(p -> p.getFileName().toString().startsWith("mnist-test-")).toList();
        mnistPngs.forEach(p -> args.add(p.toString()));
        MainTest.Run run = predict(args.toArray(new String[0]));
        assertEquals(0, run.code(), run.err());
        Map<String, Matcher> byName = new HashMap<>();
        for (String line : run.out().lines().toList()) {
            Matcher m = LINE.matcher(line);
            if (m.matches()) {
                byName.put(m.group(1), m);
            }
        }
        assertTrue(run.out().contains(testImages + ": first 62 of 10000 images, accuracy "), run.out());
        assertEquals(10, mnistPngs.size());
        for (Path png : mnistPngs) {
            String[] parts = png.getFileName().toString().replace(".png", "").split("-");
            int index = Integer.parseInt(parts[2]);
            Matcher fromPng = byName.get(png.toString());
            Matcher fromIdx = byName.get(testImages + "[" + index + "]");
            assertEquals(fromIdx.group(2), fromPng.group(2), "top digit of test image " + index);
            assertEquals(Double.parseDouble(fromIdx.group(3)), Double.parseDouble(fromPng.group(3)), 5.0,
                    "its probability, test image " + index);
            assertTrue(fromIdx.group(8).startsWith("  label " + parts[3]), fromIdx.group(0));
        }
    }

    @Test
    void badFilesGetOneLineEachAndTheOthersArePredicted() throws IOException {
        Path text = Files.writeString(tmp.resolve("notes.png"), "hello\n");
        Path labels = testImages.resolveSibling("t10k-labels-idx1-ubyte");
        Path good = pngs().get(0);
        MainTest.Run run = predict("--model", model.toString(), tmp.resolve("missing.png").toString(),
                text.toString(), good.toString(), labels.toString());
        assertEquals(1, run.code());
        assertEquals(List.of(
                "error: " + tmp.resolve("missing.png") + ": file not found",
                "error: " + text + ": not a picture (PNG, JPEG, GIF, BMP) nor an IDX image file",
                "error: " + labels + ": not an IDX image file: magic number 2049, expected 2051; this is an IDX label "
                        + "file",
                "error: 3 of 4 files could not be used (see above)"), run.errLines());
        assertTrue(LINE.matcher(run.out().strip()).matches(), run.out());
        assertTrue(run.out().startsWith(good.toString()), run.out());
    }

    @Test
    void aBadModelIsOneLineNamingTheExperimentThatMakesIt() throws IOException {
        MainTest.Run missing = predict("--model", "adam-relu", pngs().get(0).toString());
        assertEquals(1, missing.code());
        assertEquals(List.of("error: " + tmp.resolve("runs/adam-relu/model.zip") + ": no trained model there "
                + "(expected the model.zip a cnn run writes; the cnn experiment adam-relu makes it: "
                + "mvn -q compile exec:java -Dexp=adam-relu)"), missing.errLines());
        assertEquals("", missing.out());
        Path notZip = Files.writeString(tmp.resolve("model.zip"), "nope");
        MainTest.Run bad = predict("--model", notZip.toString(), pngs().get(0).toString());
        assertEquals(1, bad.code());
        assertEquals(1, bad.errLines().size(), bad.err());
        assertTrue(bad.err().startsWith("error: " + notZip + ": not a DL4J model.zip (not a zip file;"), bad.err());
    }

    @Test
    void argumentMistakesAreUsageErrors() {
        MainTest.Run none = predict("--model", model.toString());
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("error: predict: no pictures or IDX files given"), none.err());
        MainTest.Run limit = predict("--limit", "many", "x.png");
        assertEquals(2, limit.code());
        assertEquals(1, limit.errLines().size(), limit.err());
        MainTest.Run otherKind = MainTest.run("--exp", "mnist-data", "--experiments",
                RealExperimentsFileTest.FILE.toString(), "x.png");
        assertEquals(2, otherKind.code());
        assertEquals(List.of("error: unknown option or argument for mnist-data: x.png (kind data takes no "
                + "arguments of its own; see --help)"), otherKind.errLines());
    }
}
