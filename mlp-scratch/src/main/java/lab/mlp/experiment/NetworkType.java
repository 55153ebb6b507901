package lab.mlp.experiment;

import java.util.Locale;

/** Which implementation trains an mlp experiment; both compute the same numbers for one hidden layer. */
public enum NetworkType {
    /** The assignment's input -> hidden -> output network, written out step by step. */
    THREE_LAYER,
    /** Any number and sizes of layers. */
    N_LAYER;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
