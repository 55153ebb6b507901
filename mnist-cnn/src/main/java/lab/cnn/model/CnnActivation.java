package lab.cnn.model;

import java.util.Locale;

/** Activation of the conv and fc layers; maxout is a layer of its own, not a function. */
public enum CnnActivation {
    RELU, LEAKYRELU, TANH, SIGMOID, MAXOUT;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
