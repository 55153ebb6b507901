package lab.cnn.data;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Random;
import lab.core.random.Permutations;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.DataSetPreProcessor;
import org.nd4j.linalg.dataset.api.iterator.DataSetIterator;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Mini-batches over one {@link ImageSplit}: features float32 [batch, channels*rows*cols] scaled to
 * [0, 1], channel planes one after the other (the flat NCHW layout DL4J's convolutional input expects),
 * labels one-hot float32 [batch, numClasses]; the last batch may be smaller.
 *
 * <p>A shuffled iterator draws a fresh order for every epoch from one {@code Random(seed)}, so the
 * whole sequence of epochs is reproducible, and {@link #position()} / {@link #seek(Position)}
 * restore any point of it. {@link #reset()} starts the next epoch only when the current one has
 * served a batch: DL4J and user code call reset() defensively, and a redundant call must not
 * change the orders that follow.
 *
 * <p>With DL4J's asynchronous prefetch (asyncSupported) the producer runs ahead of training, so
 * {@link #position()} then tells what was prefetched, not what was trained on.
 */
public final class ImageDataSetIterator implements DataSetIterator {
    /** {@code batch} batches of epoch {@code epoch} (0-based) have been served. */
    public record Position(int epoch, int batch) {
        public Position {
            if (epoch < 0 || batch < 0) {
                throw new IllegalArgumentException("negative position " + epoch + "/" + batch);
            }
        }
    }

    private final ImageSplit split;
    private final int batchSize;
    private final int numClasses;
    private final boolean shuffle;
    private final long seed;
    private final List<String> labelNames;

    private Random random;
    private int[] order;
    private int epoch;
    private int batch;
    private int cursor;
    private DataSetPreProcessor preProcessor;

    private ImageDataSetIterator(ImageSplit split, int batchSize, int numClasses, boolean shuffle, long seed) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batch size must be > 0, got " + batchSize);
        }
        if (numClasses <= 0) {
            throw new IllegalArgumentException("numClasses must be > 0, got " + numClasses);
        }
        this.split = split;
        this.batchSize = batchSize;
        this.numClasses = numClasses;
        this.shuffle = shuffle;
        this.seed = seed;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < numClasses; c++) {
            names.add(Integer.toString(c));
        }
        this.labelNames = List.copyOf(names);
        seek(new Position(0, 0));
    }

    /** For training: a new seeded order every epoch. */
    public static ImageDataSetIterator shuffled(ImageSplit split, int batchSize, int numClasses, long seed) {
        return new ImageDataSetIterator(split, batchSize, numClasses, true, seed);
    }

    /** For validation and test: the split's own order, every epoch. */
    public static ImageDataSetIterator inOrder(ImageSplit split, int batchSize, int numClasses) {
        return new ImageDataSetIterator(split, batchSize, numClasses, false, 0);
    }

    public synchronized Position position() {
        return new Position(epoch, batch);
    }

    /** Continues from {@code position} as if the iterator had been run there from its creation. */
    public synchronized void seek(Position position) {
        int batches = batchesPerEpoch();
        if (position.batch() > batches) {
            throw new IllegalArgumentException("batch " + position.batch() + " beyond the " + batches
                    + " batches of an epoch");
        }
        order = Permutations.identity(split.size());
        if (shuffle) {
            random = new Random(seed);
            for (int e = 0; e <= position.epoch(); e++) {
                order = Permutations.identity(split.size());
                Permutations.shuffle(order, random);
            }
        }
        epoch = position.epoch();
        batch = position.batch();
        cursor = (int) Math.min((long) batch * batchSize, split.size());
    }

    public int batchesPerEpoch() {
        return (split.size() + batchSize - 1) / batchSize;
    }

    public int numExamples() {
        return split.size();
    }

    public ImageSplit split() {
        return split;
    }

    @Override
    public synchronized boolean hasNext() {
        return cursor < split.size();
    }

    @Override
    public synchronized DataSet next() {
        if (!hasNext()) {
            throw new NoSuchElementException(split.name() + ": epoch " + epoch + " is over; call reset()");
        }
        int n = Math.min(batchSize, split.size() - cursor);
        int pixels = split.pixelsPerImage();
        byte[] source = split.pixels();
        float[] features = new float[n * pixels];
        float[] labels = new float[n * numClasses];
        int channels = split.channels();
        int plane = split.rows() * split.cols();
        for (int row = 0; row < n; row++) {
            int image = order[cursor + row];
            int from = split.pixelOffset(image);
            int to = row * pixels;
            if (channels == 1) {
                for (int p = 0; p < pixels; p++) {
                    features[to + p] = (source[from + p] & 0xFF) / 255f;
                }
            } else { // the file's H x W x C becomes C planes of H x W
                for (int q = 0; q < plane; q++) {
                    for (int c = 0; c < channels; c++) {
                        features[to + c * plane + q] = (source[from + q * channels + c] & 0xFF) / 255f;
                    }
                }
            }
            int label = split.label(image);
            if (label >= numClasses) {
                throw new IllegalStateException(split.name() + ": label " + label + " >= " + numClasses + " classes");
            }
            labels[row * numClasses + label] = 1f;
        }
        cursor += n;
        batch++;
        DataSet dataSet = new DataSet(Nd4j.create(features, new long[] {n, pixels}, DataType.FLOAT),
                Nd4j.create(labels, new long[] {n, numClasses}, DataType.FLOAT));
        if (preProcessor != null) {
            preProcessor.preProcess(dataSet);
        }
        return dataSet;
    }

    /** Unsupported: batches have one size so that a {@link Position} counted in batches stays exact. */
    @Override
    public DataSet next(int num) {
        throw new UnsupportedOperationException("batch size is fixed at " + batchSize + " for this iterator");
    }

    @Override
    public synchronized void reset() {
        if (batch == 0) {
            return; // nothing served yet: keep this epoch's order
        }
        seekNextEpoch();
    }

    private void seekNextEpoch() {
        epoch++;
        batch = 0;
        cursor = 0;
        if (shuffle) {
            order = Permutations.identity(split.size());
            Permutations.shuffle(order, random);
        }
    }

    @Override
    public int inputColumns() {
        return split.pixelsPerImage();
    }

    @Override
    public int totalOutcomes() {
        return numClasses;
    }

    @Override
    public boolean resetSupported() {
        return true;
    }

    @Override
    public boolean asyncSupported() {
        return true;
    }

    @Override
    public int batch() {
        return batchSize;
    }

    @Override
    public synchronized void setPreProcessor(DataSetPreProcessor preProcessor) {
        this.preProcessor = preProcessor;
    }

    @Override
    public synchronized DataSetPreProcessor getPreProcessor() {
        return preProcessor;
    }

    @Override
    public List<String> getLabels() {
        return labelNames;
    }
}
