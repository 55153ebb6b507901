package lab.cnn.model;

import java.util.Objects;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.weights.IWeightInit;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Initial weights drawn from a Java generator with the layer's own seed. ND4J 1.0.0-M2.1's CPU
 * random generator ignores {@code setSeed} (the same seed gives different numbers every time),
 * so DL4J's built-in initialisers cannot reproduce a network; these give the same weights on
 * every run and every machine.
 *
 * <ul>
 *   <li>xavier: normal, variance 2 / (fan_in + fan_out) (DL4J's XAVIER)</li>
 *   <li>relu: normal, variance 2 / fan_in (He et al., DL4J's RELU)</li>
 *   <li>truncnormal: TensorFlow's truncated_normal(stddev 0.1): values beyond two standard
 *       deviations are drawn again</li>
 * </ul>
 */
public final class SeededWeightInit implements IWeightInit {
    private WeightInitKind kind;
    private long seed;

    /** For JSON deserialisation of saved configurations. */
    public SeededWeightInit() {
        this(WeightInitKind.XAVIER, 0);
    }

    public SeededWeightInit(WeightInitKind kind, long seed) {
        this.kind = kind;
        this.seed = seed;
    }

    @Override
    public INDArray init(double fanIn, double fanOut, long[] shape, char order, INDArray paramView) {
        int n = (int) paramView.length();
        SplittableRandom random = new SplittableRandom(seed);
        double[] values = new double[n];
        switch (kind) {
            case XAVIER -> fillNormal(values, random, Math.sqrt(2.0 / (fanIn + fanOut)));
            case RELU -> fillNormal(values, random, Math.sqrt(2.0 / fanIn));
            case TRUNCNORMAL -> {
                for (int i = 0; i < n; i++) {
                    double v;
                    do {
                        v = random.nextGaussian();
                    } while (Math.abs(v) > 2);
                    values[i] = 0.1 * v;
                }
            }
        }
        paramView.assign(Nd4j.createFromArray(values).castTo(paramView.dataType()));
        return paramView.reshape(order, shape);
    }

    private static void fillNormal(double[] values, SplittableRandom random, double std) {
        for (int i = 0; i < values.length; i++) {
            values[i] = std * random.nextGaussian();
        }
    }

    public WeightInitKind getKind() {
        return kind;
    }

    public void setKind(WeightInitKind kind) {
        this.kind = kind;
    }

    public long getSeed() {
        return seed;
    }

    public void setSeed(long seed) {
        this.seed = seed;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeededWeightInit other && other.kind == kind && other.seed == seed;
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, seed);
    }

    @Override
    public String toString() {
        return "SeededWeightInit(" + kind + ", seed=" + seed + ")";
    }
}
