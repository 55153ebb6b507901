package lab.mlp.model;

import java.util.Arrays;
import lab.mlp.data.Dataset;

/**
 * The network's input buffer: up to {@code capacity} samples, stored feature-major
 * ([feature][sample], rows padded to {@link Kernels#stride}). Padding columns hold zeros and
 * carry no gradient, so the kernels never need a scalar tail.
 */
public final class Batch {
    final int features;
    final int capacity;
    final int stride;
    final double[] x;
    final int[] labels;
    int count;

    public Batch(int features, int capacity) {
        if (features <= 0 || capacity <= 0) {
            throw new IllegalArgumentException("batch needs features > 0 and capacity > 0");
        }
        this.features = features;
        this.capacity = capacity;
        this.stride = Kernels.stride(capacity);
        this.x = new double[features * stride];
        this.labels = new int[capacity];
    }

    /** Loads {@code count} samples: those listed in {@code order[from..from+count)}, or in file order if null. */
    public void load(Dataset data, int[] order, int from, int count) {
        if (data.numFeatures() != features) {
            throw new IllegalArgumentException("dataset has " + data.numFeatures() + " features, batch " + features);
        }
        if (count > capacity || count <= 0) {
            throw new IllegalArgumentException("count " + count + " outside 1.." + capacity);
        }
        for (int s = 0; s < count; s++) {
            int sample = order == null ? from + s : order[from + s];
            for (int f = 0; f < features; f++) {
                x[f * stride + s] = data.feature(sample, f);
            }
            labels[s] = data.labels()[sample];
        }
        if (count < this.count) {
            for (int f = 0; f < features; f++) {
                Arrays.fill(x, f * stride + count, f * stride + this.count, 0.0);
            }
        }
        this.count = count;
    }

    /** Loads raw points without labels (for predictions on a grid). */
    public void loadPoints(double[] points, int from, int count) {
        if (count > capacity || count <= 0) {
            throw new IllegalArgumentException("count " + count + " outside 1.." + capacity);
        }
        for (int s = 0; s < count; s++) {
            for (int f = 0; f < features; f++) {
                x[f * stride + s] = points[(from + s) * features + f];
            }
        }
        for (int f = 0; f < features; f++) {
            Arrays.fill(x, f * stride + count, (f + 1) * stride, 0.0);
        }
        Arrays.fill(labels, 0, capacity, 0);
        this.count = count;
    }

    public int count() {
        return count;
    }

    public int capacity() {
        return capacity;
    }
}
