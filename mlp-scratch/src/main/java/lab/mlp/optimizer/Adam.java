package lab.mlp.optimizer;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import lab.core.config.Check;

/**
 * Adam (Kingma and Ba 2015, algorithm 1): {@code m = beta1 m + (1 - beta1) g},
 * {@code v = beta2 v + (1 - beta2) g^2}, {@code w -= lr * mHat / (sqrt(vHat) + epsilon)} with the
 * bias corrections {@code mHat = m / (1 - beta1^t)}, {@code vHat = v / (1 - beta2^t)}. m and v
 * start at 0. Scalar loops (IEEE sqrt is exact: the result does not depend on the vector width).
 */
@JsonTypeName("adam")
public record Adam(Double learningRate, Double beta1, Double beta2, Double epsilon) implements OptimizerSpec {

    public Adam {
        learningRate = Check.positive("learning_rate", learningRate, 0.001);
        beta1 = Check.fraction("beta1", beta1, 0.9);
        beta2 = Check.fraction("beta2", beta2, 0.999);
        epsilon = Check.positive("epsilon", epsilon, 1e-8);
    }

    @Override
    public Adam withLearningRate(double lr) {
        return new Adam(lr, beta1, beta2, epsilon);
    }

    @Override
    public Optimizer create(List<double[]> params) {
        double[][] first = State.like(params);
        double[][] second = State.like(params);
        double lr = learningRate;
        double b1 = beta1;
        double b2 = beta2;
        double eps = epsilon;
        return (ps, gs, t) -> {
            // Once per step, not per element.
            double c1 = 1 - Math.pow(b1, t);
            double c2 = 1 - Math.pow(b2, t);
            for (int k = 0; k < first.length; k++) {
                double[] w = ps.get(k);
                double[] g = gs.get(k);
                double[] m = first[k];
                double[] v = second[k];
                for (int i = 0; i < w.length; i++) {
                    m[i] = b1 * m[i] + (1 - b1) * g[i];
                    v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i];
                    w[i] -= lr * (m[i] / c1) / (Math.sqrt(v[i] / c2) + eps);
                }
            }
        };
    }

    @Override
    public String describe() {
        return "adam lr=" + learningRate;
    }
}
