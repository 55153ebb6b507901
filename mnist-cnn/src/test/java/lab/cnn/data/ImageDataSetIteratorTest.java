package lab.cnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;
import org.deeplearning4j.datasets.iterator.AsyncDataSetIterator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class ImageDataSetIteratorTest {
    private static final int TRAIN = 23;

    @TempDir
    Path tmp;

    private MnistData data;

    @BeforeEach
    void load() {
        data = MnistData.load(IdxTestFiles.dataset(tmp, TRAIN + 4, 9, false), 4, 10);
    }

    @Test
    void batchesHaveScaledFeaturesAndOneHotLabelsAndAPartialLastBatch() {
        ImageDataSetIterator it = ImageDataSetIterator.inOrder(data.train(), 10, 10);
        assertEquals(6, it.inputColumns());
        assertEquals(10, it.totalOutcomes());
        assertEquals(10, it.batch());
        assertTrue(it.resetSupported());
        assertTrue(it.asyncSupported());
        assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"), it.getLabels());
        assertEquals(3, it.batchesPerEpoch());

        List<DataSet> batches = drain(it);
        assertEquals(3, batches.size());
        assertArrayEquals(new long[] {10, 6}, batches.get(0).getFeatures().shape());
        assertArrayEquals(new long[] {10, 10}, batches.get(0).getLabels().shape());
        assertArrayEquals(new long[] {3, 6}, batches.get(2).getFeatures().shape());
        assertEquals(DataType.FLOAT, batches.get(0).getFeatures().dataType());
        assertEquals(DataType.FLOAT, batches.get(0).getLabels().dataType());

        DataSet first = batches.get(0);
        for (int row = 0; row < 10; row++) {
            for (int p = 0; p < 6; p++) {
                assertEquals(IdxTestFiles.pixel(row, p) / 255f, first.getFeatures().getFloat(row, p), 0f);
            }
            for (int c = 0; c < 10; c++) {
                assertEquals(c == row % 10 ? 1f : 0f, first.getLabels().getFloat(row, c), 0f);
            }
        }
        assertEquals(1f, first.getFeatures().maxNumber().floatValue(), 0f);
        assertEquals(0f, first.getFeatures().minNumber().floatValue(), 0f);
        assertThrows(NoSuchElementException.class, it::next);
    }

    @Test
    void evaluationOrderIsTheSplitsOrderEveryEpoch() {
        ImageDataSetIterator it = ImageDataSetIterator.inOrder(data.validation(), 3, 10);
        List<Integer> expected = List.of(TRAIN, TRAIN + 1, TRAIN + 2, TRAIN + 3);
        assertEquals(expected, samples(drain(it)));
        it.reset();
        assertEquals(expected, samples(drain(it)));
    }

    @Test
    void shuffledEpochsCoverEverySampleOnceAndDiffer() {
        ImageDataSetIterator it = ImageDataSetIterator.shuffled(data.train(), 4, 10, 42);
        List<List<Integer>> epochs = new ArrayList<>();
        for (int e = 0; e < 3; e++) {
            List<Integer> order = samples(drain(it));
            List<Integer> sorted = new ArrayList<>(order);
            sorted.sort(null);
            assertEquals(range(TRAIN), sorted, "epoch " + e + " covers each sample once");
            epochs.add(order);
            it.reset();
        }
        assertNotEquals(epochs.get(0), epochs.get(1));
        assertNotEquals(epochs.get(1), epochs.get(2));
        assertNotEquals(range(TRAIN), epochs.get(0), "shuffled");
    }

    @Test
    void sameSeedSameEpochsOtherSeedOtherEpochs() {
        assertEquals(epochs(7, 3), epochs(7, 3));
        assertNotEquals(epochs(7, 3), epochs(8, 3));
    }

    @Test
    void resetBeforeAnyBatchDoesNotSkipAnEpoch() {
        ImageDataSetIterator a = ImageDataSetIterator.shuffled(data.train(), 5, 10, 1);
        ImageDataSetIterator b = ImageDataSetIterator.shuffled(data.train(), 5, 10, 1);
        b.reset();
        b.reset();
        assertEquals(new ImageDataSetIterator.Position(0, 0), b.position());
        assertEquals(samples(drain(a)), samples(drain(b)));
    }

    @Test
    void positionCountsEpochsAndBatchesAndSeekResumesExactly() {
        ImageDataSetIterator it = ImageDataSetIterator.shuffled(data.train(), 4, 10, 99);
        drain(it);
        it.reset();
        drain(it);
        it.reset();
        it.next();
        it.next();
        ImageDataSetIterator.Position position = it.position();
        assertEquals(new ImageDataSetIterator.Position(2, 2), position);
        List<Integer> rest = samples(drain(it));
        it.reset();
        List<Integer> nextEpoch = samples(drain(it));

        ImageDataSetIterator resumed = ImageDataSetIterator.shuffled(data.train(), 4, 10, 99);
        resumed.seek(position);
        assertEquals(rest, samples(drain(resumed)));
        resumed.reset();
        assertEquals(nextEpoch, samples(drain(resumed)));
        assertThrows(IllegalArgumentException.class, () -> resumed.seek(new ImageDataSetIterator.Position(0, 7)));
    }

    @Test
    void preProcessorIsApplied() {
        ImageDataSetIterator it = ImageDataSetIterator.inOrder(data.test(), 9, 10);
        it.setPreProcessor(ds -> ds.getFeatures().muli(2));
        assertEquals(2f, it.next().getFeatures().getFloat(0, 2), 0f);
        assertTrue(it.getPreProcessor() != null);
    }

    @Test
    void nextWithACountIsRefused() {
        ImageDataSetIterator it = ImageDataSetIterator.inOrder(data.test(), 9, 10);
        assertThrows(UnsupportedOperationException.class, () -> it.next(3));
    }

    @Test
    void dl4jCanPrefetchAndTrainOnIt() {
        ImageDataSetIterator it = ImageDataSetIterator.shuffled(data.train(), 5, 10, 3);
        AsyncDataSetIterator async = new AsyncDataSetIterator(it, 2);
        int examples = 0;
        while (async.hasNext()) {
            examples += async.next().numExamples();
        }
        async.shutdown();
        assertEquals(TRAIN, examples);

        MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).list()
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nIn(6).nOut(10)
                        .activation(Activation.SOFTMAX).build())
                .build();
        MultiLayerNetwork net = new MultiLayerNetwork(conf);
        net.init();
        ImageDataSetIterator fresh = ImageDataSetIterator.shuffled(data.train(), 5, 10, 3);
        net.fit(fresh, 2);
        assertEquals(1, fresh.position().epoch());
        assertFalse(fresh.hasNext());
        assertTrue(Double.isFinite(net.score()));
    }

    private List<List<Integer>> epochs(long seed, int count) {
        ImageDataSetIterator it = ImageDataSetIterator.shuffled(data.train(), 6, 10, seed);
        List<List<Integer>> epochs = new ArrayList<>();
        for (int e = 0; e < count; e++) {
            epochs.add(samples(drain(it)));
            it.reset();
        }
        return epochs;
    }

    private static List<DataSet> drain(ImageDataSetIterator it) {
        List<DataSet> batches = new ArrayList<>();
        while (it.hasNext()) {
            batches.add(it.next());
        }
        return batches;
    }

    /** The image index of every row, decoded from pixels 0 and 1 (see IdxTestFiles). */
    private static List<Integer> samples(List<DataSet> batches) {
        List<Integer> samples = new ArrayList<>();
        for (DataSet batch : batches) {
            for (int row = 0; row < batch.numExamples(); row++) {
                int low = Math.round(batch.getFeatures().getFloat(row, 0) * 255);
                int high = Math.round(batch.getFeatures().getFloat(row, 1) * 255);
                samples.add(low + 256 * high);
            }
        }
        return samples;
    }

    private static List<Integer> range(int n) {
        return IntStream.range(0, n).boxed().toList();
    }
}
