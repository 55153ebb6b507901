package lab.mlp.model;

/**
 * One fully connected layer: owns its weights, gradients and the buffers for its outputs and
 * error signal, sized once for a batch capacity.
 */
final class DenseLayer {
    final int in;
    final int out;
    final int stride;
    final Activation f;
    final double alpha;
    /** Row-major [in][out]. */
    final double[] w;
    final double[] b;
    final double[] gw;
    final double[] gb;
    /** Outputs f(z), [out][stride]. */
    final double[] a;
    /** dLoss/dz, [out][stride]. */
    final double[] delta;

    DenseLayer(int in, int out, Activation f, double alpha, int stride) {
        this.in = in;
        this.out = out;
        this.stride = stride;
        this.f = f;
        this.alpha = alpha;
        this.w = new double[in * out];
        this.b = new double[out];
        this.gw = new double[in * out];
        this.gb = new double[out];
        this.a = new double[out * stride];
        this.delta = new double[out * stride];
    }

    void propagate(double[] input) {
        Kernels.affineActivate(w, b, in, out, input, f, alpha, a, stride);
    }

    /** Gradients of this layer's parameters, given its {@link #delta} and its input. */
    void computeGradients(double[] input, double lambda) {
        Kernels.weightGradients(input, in, delta, out, stride, w, lambda, gw, gb);
    }

    /** Fills the layer below's delta from this layer's. */
    void backpropagate(DenseLayer below) {
        Kernels.backpropagate(w, in, out, delta, below.a, below.f, below.alpha, below.delta, stride);
    }
}
