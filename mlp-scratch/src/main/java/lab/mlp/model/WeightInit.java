package lab.mlp.model;

import java.util.Random;

/** The assignment's initialisation: W = randn(fan_in, fan_out) / sqrt(fan_in), b = 0. */
final class WeightInit {
    private WeightInit() {
    }

    /** Fills a row-major [fanIn][fanOut] matrix from {@code random}, in row-major order. */
    static void randnOverSqrtFanIn(double[] w, int fanIn, Random random) {
        double scale = Math.sqrt(fanIn);
        for (int i = 0; i < w.length; i++) {
            w[i] = random.nextGaussian() / scale;
        }
    }
}
