package lab.cnn.model;

import java.util.SplittableRandom;
import org.deeplearning4j.nn.conf.dropout.IDropout;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.shade.jackson.annotation.JsonIgnore;

/**
 * Inverted dropout (keep each input with probability p, scale kept ones by 1/p) whose mask is a
 * function of the seed and the iteration alone. DL4J's own dropout draws from ND4J's CPU
 * generator, which ignores seeds in 1.0.0-M2.1; this mask is the same on every run, and the same
 * again after resuming from a checkpoint at that iteration.
 */
public final class SeededDropout implements IDropout {
    private double p;
    private long seed;
    @JsonIgnore
    private transient INDArray mask;

    /** For JSON deserialisation of saved configurations. */
    public SeededDropout() {
        this(0.5, 0);
    }

    public SeededDropout(double p, long seed) {
        if (!(p > 0 && p <= 1)) {
            throw new IllegalArgumentException("keep probability must be in (0, 1], got " + p);
        }
        this.p = p;
        this.seed = seed;
    }

    @Override
    public INDArray applyDropout(INDArray input, INDArray result, int iteration, int epoch, LayerWorkspaceMgr mgr) {
        int n = (int) input.length();
        float[] values = new float[n];
        SplittableRandom random = new SplittableRandom(mix(seed, iteration, epoch));
        float scale = (float) (1 / p);
        for (int i = 0; i < n; i++) {
            values[i] = random.nextDouble() < p ? scale : 0f;
        }
        // The mask lives until backprop, outside DL4J's per-pass workspaces.
        try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            mask = Nd4j.create(values, input.shape(), input.ordering()).castTo(input.dataType());
        }
        result.assign(input);
        result.muli(mask);
        return result;
    }

    @Override
    public INDArray backprop(INDArray gradAtOutput, INDArray gradAtInput, int iteration, int epoch) {
        gradAtInput.assign(gradAtOutput);
        gradAtInput.muli(mask);
        return gradAtInput;
    }

    @Override
    public void clear() {
        mask = null;
    }

    @Override
    public SeededDropout clone() {
        return new SeededDropout(p, seed);
    }

    /** A distinct, well-mixed seed per (seed, iteration, epoch). */
    static long mix(long seed, int iteration, int epoch) {
        return new SplittableRandom(seed ^ 0x9E3779B97F4A7C15L * (iteration + 1L) ^ 0xBF58476D1CE4E5B9L * (epoch + 1L))
                .nextLong();
    }

    public double getP() {
        return p;
    }

    public void setP(double p) {
        this.p = p;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeededDropout other && other.p == p && other.seed == seed;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(p, seed);
    }

    @Override
    public String toString() {
        return "SeededDropout(p=" + p + ", seed=" + seed + ")";
    }
}
