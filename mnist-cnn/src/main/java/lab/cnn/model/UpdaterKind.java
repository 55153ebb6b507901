package lab.cnn.model;

import java.util.Locale;

/** Optimisers of the assignment; momentum is Nesterov's. */
public enum UpdaterKind {
    ADAM, ADAGRAD, SGD, MOMENTUM;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
