package lab.mlp.model;

import java.util.Locale;

/**
 * Hidden-layer activation functions. Each derivative is written in terms of the activation's
 * output {@code a = f(z)}, so backpropagation needs only the stored activations.
 */
public enum Activation {
    TANH,
    SIGMOID,
    RELU,
    LEAKY_RELU,
    IDENTITY;

    /** Slope of leaky-relu for z < 0 unless configured otherwise. */
    public static final double DEFAULT_LEAKY_ALPHA = 0.01;

    /** f(z), scalar reference version (tests, plots). */
    public double apply(double z, double alpha) {
        return switch (this) {
            case TANH -> Math.tanh(z);
            case SIGMOID -> 1.0 / (1.0 + Math.exp(-z));
            case RELU -> Math.max(z, 0.0);
            case LEAKY_RELU -> z > 0 ? z : alpha * z;
            case IDENTITY -> z;
        };
    }

    /** f'(z) written as a function of a = f(z). */
    public double derivativeFromOutput(double a, double alpha) {
        return switch (this) {
            case TANH -> 1.0 - a * a;
            case SIGMOID -> a * (1.0 - a);
            case RELU -> a > 0 ? 1.0 : 0.0;
            case LEAKY_RELU -> a > 0 ? 1.0 : alpha;
            case IDENTITY -> 1.0;
        };
    }

    /** The name used in experiments.yaml: tanh, sigmoid, relu, leaky-relu, identity. */
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

}
