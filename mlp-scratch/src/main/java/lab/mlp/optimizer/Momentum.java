package lab.mlp.optimizer;

import com.fasterxml.jackson.annotation.JsonTypeName;
import java.util.List;
import lab.core.config.Check;

/**
 * Gradient descent with momentum (Polyak), or Nesterov's accelerated gradient in Sutskever et
 * al.'s form: {@code v = momentum * v - lr * g}, then {@code w += v}, or with Nesterov
 * {@code w += momentum * v - lr * g} (the step looks ahead along the new velocity). v starts at 0.
 * Scalar loops: each element's arithmetic is fixed, so the result does not depend on the vector width.
 */
@JsonTypeName("momentum")
public record Momentum(Double learningRate, Double momentum, Boolean nesterov) implements OptimizerSpec {

    public Momentum {
        learningRate = Check.positive("learning_rate", learningRate, 0.01);
        momentum = Check.fraction("momentum", momentum, 0.9);
        nesterov = nesterov != null && nesterov;
    }

    @Override
    public Momentum withLearningRate(double lr) {
        return new Momentum(lr, momentum, nesterov);
    }

    @Override
    public Optimizer create(List<double[]> params) {
        double[][] velocity = State.like(params);
        double lr = learningRate;
        double mu = momentum;
        boolean ahead = nesterov;
        return (ps, gs, t) -> {
            for (int k = 0; k < velocity.length; k++) {
                double[] w = ps.get(k);
                double[] g = gs.get(k);
                double[] v = velocity[k];
                for (int i = 0; i < w.length; i++) {
                    v[i] = mu * v[i] - lr * g[i];
                    w[i] += ahead ? mu * v[i] - lr * g[i] : v[i];
                }
            }
        };
    }

    @Override
    public String describe() {
        return (nesterov ? "nesterov" : "momentum") + " lr=" + learningRate + " mu=" + momentum;
    }
}
