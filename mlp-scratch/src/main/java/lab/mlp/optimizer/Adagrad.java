package lab.mlp.optimizer;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import lab.core.config.Check;

/**
 * Adagrad (Duchi et al. 2011): {@code G += g^2}, {@code w -= lr * g / (sqrt(G) + epsilon)}; each
 * parameter's step shrinks with the gradients it has seen. G starts at 0. Scalar loops (IEEE sqrt
 * is exact, so the result does not depend on the vector width).
 */
@JsonTypeName("adagrad")
public record Adagrad(Double learningRate, Double epsilon) implements OptimizerSpec {

    public Adagrad {
        learningRate = Check.positive("learning_rate", learningRate, 0.01);
        epsilon = Check.positive("epsilon", epsilon, 1e-8);
    }

    @Override
    public Adagrad withLearningRate(double lr) {
        return new Adagrad(lr, epsilon);
    }

    @Override
    public Optimizer create(List<double[]> params) {
        double[][] sums = State.like(params);
        double lr = learningRate;
        double eps = epsilon;
        return (ps, gs, t) -> {
            for (int k = 0; k < sums.length; k++) {
                double[] w = ps.get(k);
                double[] g = gs.get(k);
                double[] sum = sums[k];
                for (int i = 0; i < w.length; i++) {
                    sum[i] += g[i] * g[i];
                    w[i] -= lr * g[i] / (Math.sqrt(sum[i]) + eps);
                }
            }
        };
    }

    @Override
    public String describe() {
        return "adagrad lr=" + learningRate;
    }
}
