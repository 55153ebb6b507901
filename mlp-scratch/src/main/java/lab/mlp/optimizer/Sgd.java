package lab.mlp.optimizer;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;
import lab.core.config.Check;

/**
 * Plain gradient descent, {@code w -= learning_rate * g}: the assignment's update and the default.
 * No state. The step is one fma per element, vectorised; the tail uses the same fma, so every
 * vector width gives the same bits.
 */
@JsonTypeName("sgd")
public record Sgd(Double learningRate) implements OptimizerSpec {
    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    private static final int LANES = SPECIES.length();

    public Sgd {
        learningRate = Check.positive("learning_rate", learningRate, 0.01);
    }

    @Override
    public Sgd withLearningRate(double lr) {
        return new Sgd(lr);
    }

    @Override
    public Optimizer create(List<double[]> params) {
        double lr = learningRate;
        return (ps, gs, t) -> {
            for (int i = 0; i < ps.size(); i++) {
                step(ps.get(i), gs.get(i), lr);
            }
        };
    }

    @Override
    public String describe() {
        return "sgd lr=" + learningRate;
    }

    /** w -= lr * g over a whole array: fma(g, -lr, w), as the code before the seam did it. */
    static void step(double[] w, double[] g, double lr) {
        int n = w.length;
        int bound = SPECIES.loopBound(n);
        DoubleVector e = DoubleVector.broadcast(SPECIES, -lr);
        int i = 0;
        for (; i < bound; i += LANES) {
            DoubleVector.fromArray(SPECIES, g, i).fma(e, DoubleVector.fromArray(SPECIES, w, i)).intoArray(w, i);
        }
        for (; i < n; i++) {
            w[i] = Math.fma(g[i], -lr, w[i]);
        }
    }
}
