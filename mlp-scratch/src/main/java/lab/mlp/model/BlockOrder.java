package lab.mlp.model;

/**
 * The sums over samples of {@link Kernels}, one element at a time, for vector widths other than 8
 * and 4 lanes: one partial sum per position in a block of {@link Kernels#BLOCK} samples, the
 * partial sums then added in position order. That is what an 8-lane vector accumulator does, so
 * every width computes the same numbers (slowly here: no machine this project runs on needs it).
 */
final class BlockOrder {
    private static final int B = Kernels.BLOCK;

    private BlockOrder() {
    }

    static double sum(double[] x, int off, int len) {
        double[] partial = new double[B];
        for (int s = 0; s < len; s += B) {
            for (int p = 0; p < B; p++) {
                partial[p] += x[off + s + p];
            }
        }
        return inOrder(partial);
    }

    static void weightGradients(double[] x, int in, double[] delta, int out, int stride,
                                double[] w, double lambda, double[] gw, double[] gb) {
        for (int j = 0; j < out; j++) {
            gb[j] = sum(delta, j * stride, stride);
        }
        double[] partial = new double[B];
        for (int i = 0; i < in; i++) {
            for (int j = 0; j < out; j++) {
                java.util.Arrays.fill(partial, 0.0);
                for (int s = 0; s < stride; s += B) {
                    for (int p = 0; p < B; p++) {
                        partial[p] = Math.fma(x[i * stride + s + p], delta[j * stride + s + p], partial[p]);
                    }
                }
                gw[i * out + j] = inOrder(partial) + lambda * w[i * out + j];
            }
        }
    }

    private static double inOrder(double[] partial) {
        double total = 0;
        for (double v : partial) {
            total += v;
        }
        return total;
    }
}
