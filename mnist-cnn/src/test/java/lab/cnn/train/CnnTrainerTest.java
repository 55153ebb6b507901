package lab.cnn.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import lab.cnn.data.ImageDataSetIterator;
import lab.cnn.data.ImageSplit;
import lab.cnn.model.DeepMnistNetwork;
import lab.cnn.model.NetworkSpec;
import lab.cnn.model.UpdaterKind;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;

/** The training loop on synthetic 28x28 images: schedule, curves, determinism, divergence. */
class CnnTrainerTest {
    /** 200 images whose label is written into their pixels, so they can be learned. */
    static ImageSplit syntheticSplit(int n, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[n * 784];
        byte[] labels = new byte[n];
        for (int i = 0; i < n; i++) {
            labels[i] = (byte) (i % 10);
            for (int p = 0; p < 784; p++) {
                int stripe = (p % 28) / 3 == labels[i] ? 200 : 0;
                pixels[i * 784 + p] = (byte) Math.min(255, stripe + random.nextInt(40));
            }
        }
        return new ImageSplit("synthetic", 28, 28, pixels, labels, 0, n);
    }

    private static TrainingRun train(long seed, NetworkSpec spec, long iterations) {
        ImageSplit split = syntheticSplit(200, 1);
        MultiLayerNetwork net = DeepMnistNetwork.create(spec);
        return new CnnTrainer("test", new Schedule(iterations, 10, 2)).train(net,
                ImageDataSetIterator.shuffled(split, 20, 10, seed), ImageDataSetIterator.inOrder(split, 100, 10),
                ImageDataSetIterator.inOrder(split, 100, 10), split.size());
    }

    @Test
    void followsTheScheduleAndLearns() {
        TrainingRun run = train(3, baseline(1e-3), 20);
        assertEquals(20, run.iterations());
        assertEquals(2.0, run.epochs(), 1e-12);
        assertEquals(400, run.images());
        assertEquals(List.of(1L, 2L, 4L, 6L, 8L, 10L, 12L, 14L, 16L, 18L, 20L),
                run.loss().stream().map(LossPoint::iteration).toList());
        assertEquals(List.of(10L, 20L), run.evals().stream().map(EvalPoint::iteration).toList());
        assertFalse(run.diverged());
        assertTrue(run.loss().get(run.loss().size() - 1).loss() < run.loss().get(0).loss());
        assertTrue(run.last().testAccuracy() > 0.5, "accuracy " + run.last().testAccuracy());
    }

    @Test
    void stopsEarlyWhenValidationErrorStopsFalling() {
        // A learning rate too small to change a prediction: the validation error of the first
        // evaluation (iteration 10) is never beaten, so patience 2 ends the run at iteration 30.
        ImageSplit split = syntheticSplit(200, 1);
        ImageDataSetIterator test = ImageDataSetIterator.inOrder(split, 100, 10);
        MultiLayerNetwork net = DeepMnistNetwork.create(baseline(1e-12));
        TrainingRun run = new CnnTrainer("test", new Schedule(100, 10, 2)).stopEarly(2).train(net,
                ImageDataSetIterator.shuffled(split, 20, 10, 3), ImageDataSetIterator.inOrder(split, 100, 10), test,
                split.size());
        assertEquals(30, run.iterations());
        assertEquals(List.of(10L, 20L, 30L), run.evals().stream().map(EvalPoint::iteration).toList());
        assertFalse(run.diverged());
        assertFalse(run.interrupted());
        // the evaluation that stopped it kept its test predictions, as a last one does
        assertEquals(run.last().testAccuracy(), run.testPredictions().accuracy());
        assertEquals(Evaluations.accuracy(net, test), run.testPredictions().accuracy());
        // without it, the same run follows its schedule
        TrainingRun whole = new CnnTrainer("test", new Schedule(40, 10, 2)).train(DeepMnistNetwork.create(baseline(1e-12)),
                ImageDataSetIterator.shuffled(split, 20, 10, 3), ImageDataSetIterator.inOrder(split, 100, 10), test,
                split.size());
        assertEquals(40, whole.iterations());
    }

    @Test
    void evaluationsSinceTheBestCountTiesAsNoImprovement() {
        Function<double[], List<EvalPoint>> evals = vals -> {
            List<EvalPoint> points = new ArrayList<>();
            for (int i = 0; i < vals.length; i++) {
                points.add(new EvalPoint(10L * (i + 1), i + 1, vals[i], 0.5, i));
            }
            return points;
        };
        assertEquals(0, CnnTrainer.evaluationsSinceBest(List.of()));
        assertEquals(0, CnnTrainer.evaluationsSinceBest(evals.apply(new double[] {0.90, 0.95})));
        assertEquals(2, CnnTrainer.evaluationsSinceBest(evals.apply(new double[] {0.90, 0.95, 0.95, 0.94})));
        assertEquals(1, CnnTrainer.evaluationsSinceBest(evals.apply(new double[] {0.97, 0.95, 0.98, 0.96})));
    }

    @Test
    void sameSeedSameRunOnCpu() {
        TrainingRun a = train(3, baseline(1e-3), 6);
        TrainingRun b = train(3, baseline(1e-3), 6);
        assertEquals(a.loss(), b.loss());
        assertEquals(a.evals().stream().map(EvalPoint::testAccuracy).toList(),
                b.evals().stream().map(EvalPoint::testAccuracy).toList());
        TrainingRun other = train(4, baseline(1e-3), 6);
        assertNotEquals(a.loss(), other.loss());
    }

    @Test
    void theFinalTestEvaluationIsKeptImageByImage() {
        ImageSplit split = syntheticSplit(200, 1);
        MultiLayerNetwork net = DeepMnistNetwork.create(baseline(1e-3));
        ImageDataSetIterator test = ImageDataSetIterator.inOrder(split, 64, 10); // batches of 64: an uneven last one
        TrainingRun run = new CnnTrainer("test", new Schedule(12, 5, 2)).train(net,
                ImageDataSetIterator.shuffled(split, 20, 10, 3), ImageDataSetIterator.inOrder(split, 100, 10), test,
                split.size());
        TestPredictions p = run.testPredictions();
        // The same accuracy as DL4J's own evaluation of the final network, which it replaces.
        assertEquals(Evaluations.accuracy(net, test), p.accuracy());
        assertEquals(run.last().testAccuracy(), p.accuracy());
        long total = 0;
        long right = 0;
        for (int t = 0; t < 10; t++) {
            for (int c = 0; c < 10; c++) {
                total += p.confusion()[t][c];
                right += t == c ? p.confusion()[t][c] : 0;
            }
        }
        assertEquals(200, total);
        assertEquals(p.accuracy(), (double) right / total, 1e-12);
        assertEquals(total - right, p.mistakes().size());
        for (int i = 0; i < p.mistakes().size(); i++) {
            TestPredictions.Mistake m = p.mistakes().get(i);
            assertEquals(split.label(m.index()), m.label());
            assertNotEquals(m.label(), m.predicted());
            assertTrue(i == 0 || p.mistakes().get(i - 1).probability() >= m.probability(), "most confident first");
        }
    }

    @Test
    void keepingTestPredictionsChangesNoTrainingNumber() {
        // Evaluation before the end is DL4J's as before; only the final one is kept image by image.
        TrainingRun a = train(3, baseline(1e-3), 20);
        TrainingRun b = train(3, baseline(1e-3), 20);
        assertEquals(a.loss(), b.loss());
        assertEquals(a.evals().stream().map(e -> List.of(e.valAccuracy(), e.testAccuracy())).toList(),
                b.evals().stream().map(e -> List.of(e.valAccuracy(), e.testAccuracy())).toList());
        assertEquals(a.testPredictions().mistakes(), b.testPredictions().mistakes());
    }

    @Test
    void nonFiniteLossStopsAtOnce() {
        NetworkSpec huge = NetworkSpec.baseline(0).withUpdater(UpdaterKind.SGD).withLearningRate(1e6).withFcWidth(64);
        TrainingRun run = train(3, huge, 50);
        assertTrue(run.diverged());
        assertTrue(run.divergedAt() < 50, "at " + run.divergedAt());
        assertEquals(run.divergedAt(), run.iterations());
    }

    static NetworkSpec baseline(double lr) {
        return NetworkSpec.baseline(0).withUpdater(UpdaterKind.ADAM).withLearningRate(lr).withFcWidth(64);
    }
}
