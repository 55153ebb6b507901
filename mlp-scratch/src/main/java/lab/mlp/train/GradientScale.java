package lab.mlp.train;

import java.util.Locale;

/** How the data term of the gradient is scaled over a batch of N samples. */
public enum GradientScale {
    /** The assignment's choice: the gradient of the summed cross-entropy (no 1/N). */
    SUM,
    /** The gradient of the mean cross-entropy: the data term is divided by N. */
    MEAN;

    double factor(int batchCount) {
        return this == SUM ? 1.0 : 1.0 / batchCount;
    }

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
