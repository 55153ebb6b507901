package lab.mlp.optimizer;

import java.util.List;

/** Zeroed per-parameter buffers shaped like the parameters (velocity, sums, moments). */
final class State {
    private State() {
    }

    static double[][] like(List<double[]> params) {
        double[][] state = new double[params.size()][];
        for (int i = 0; i < state.length; i++) {
            state[i] = new double[params.get(i).length];
        }
        return state;
    }
}
