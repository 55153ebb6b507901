package lab.cnn.model;

import java.util.Locale;

/**
 * Initial weights: Xavier (DL4J's default), ReLU (He et al.), or the TensorFlow tutorial's
 * truncated normal (std 0.1, redrawn beyond 2 std) with every bias 0.1.
 */
public enum WeightInitKind {
    XAVIER, RELU, TRUNCNORMAL;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
