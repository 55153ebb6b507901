package lab.mlp.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link Kernels} for 4-lane vectors (AVX2), computing exactly the same numbers as the 8-lane
 * ones. Every element is computed by the same sequence of IEEE operations as in {@link Kernels};
 * sums over samples keep two accumulators per sum, one for each half of a block of 8 samples, so
 * that their partial sums are those of one 8-lane accumulator, added lane by lane in the same order.
 *
 * <p>Narrower vectors also need more independent chains to keep the FMA units busy: the loops
 * work on whole blocks (two vectors) with up to eight accumulators in registers, and the first
 * layer (2 inputs) and the layer below a 2-class output get loops of their own over whole rows.
 * No vector is passed to or returned from a method: where the JIT does not inline one (it stops
 * inlining a method once it has compiled it on its own and its code is large) every such vector
 * is boxed, which made the first version of these kernels slower than the 8-lane code run on 4 lanes.
 *
 * <p>The species is fixed (256 bits), so the tests can compare these kernels with the 8-lane ones
 * on an AVX-512 machine; {@link Kernels} uses them when the machine's preferred width is 4 lanes.
 */
final class FourLaneKernels {
    static final VectorSpecies<Double> S = DoubleVector.SPECIES_256;
    static final int L = 4;
    /** Samples per block: two vectors. */
    static final int B = 2 * L;

    private FourLaneKernels() {
    }

    // ---- sums over samples, in the 8-lane order ----

    /**
     * What an 8-lane accumulator sums to, its lanes stored in t[0..8), added in lane order. Vectors
     * are stored into t by the caller: a vector passed to a method the JIT did not inline is boxed.
     */
    static double inOrder(double[] t) {
        double total = 0;
        total += t[0];
        total += t[1];
        total += t[2];
        total += t[3];
        total += t[4];
        total += t[5];
        total += t[6];
        total += t[7];
        return total;
    }

    static double sum(double[] x, int off, int len) {
        return sum(x, off, len, new double[B]);
    }

    private static double sum(double[] x, int off, int len, double[] t) {
        DoubleVector lo = DoubleVector.zero(S);
        DoubleVector hi = DoubleVector.zero(S);
        for (int s = 0; s < len; s += B) {
            lo = lo.add(DoubleVector.fromArray(S, x, off + s));
            hi = hi.add(DoubleVector.fromArray(S, x, off + s + L));
        }
        lo.intoArray(t, 0);
        hi.intoArray(t, L);
        return inOrder(t);
    }

    /**
     * gw[i][j] = sum_s x[i][s] delta[j][s] + lambda w[i][j]; gb[j] = sum_s delta[j][s]. Four units
     * j at a time share each load of x[i]; the first and the second half of every block are summed
     * in two passes (small loop bodies, which the JIT unrolls).
     */
    static void weightGradients(double[] x, int in, double[] delta, int out, int stride,
                                double[] w, double lambda, double[] gw, double[] gb) {
        double[] t = new double[B];
        for (int j = 0; j < out; j++) {
            gb[j] = sum(delta, j * stride, stride, t);
        }
        for (int i = 0; i < in; i++) {
            int xRow = i * stride;
            for (int j = 0; j + 4 <= out; j += 4) {
                DoubleVector lo0 = DoubleVector.zero(S);
                DoubleVector lo1 = lo0;
                DoubleVector lo2 = lo0;
                DoubleVector lo3 = lo0;
                for (int s = 0; s < stride; s += B) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, xRow + s);
                    lo0 = xv.fma(DoubleVector.fromArray(S, delta, j * stride + s), lo0);
                    lo1 = xv.fma(DoubleVector.fromArray(S, delta, (j + 1) * stride + s), lo1);
                    lo2 = xv.fma(DoubleVector.fromArray(S, delta, (j + 2) * stride + s), lo2);
                    lo3 = xv.fma(DoubleVector.fromArray(S, delta, (j + 3) * stride + s), lo3);
                }
                DoubleVector hi0 = DoubleVector.zero(S);
                DoubleVector hi1 = hi0;
                DoubleVector hi2 = hi0;
                DoubleVector hi3 = hi0;
                for (int s = L; s < stride; s += B) {
                    DoubleVector xv = DoubleVector.fromArray(S, x, xRow + s);
                    hi0 = xv.fma(DoubleVector.fromArray(S, delta, j * stride + s), hi0);
                    hi1 = xv.fma(DoubleVector.fromArray(S, delta, (j + 1) * stride + s), hi1);
                    hi2 = xv.fma(DoubleVector.fromArray(S, delta, (j + 2) * stride + s), hi2);
                    hi3 = xv.fma(DoubleVector.fromArray(S, delta, (j + 3) * stride + s), hi3);
                }
                int g = i * out + j;
                lo0.intoArray(t, 0);
                hi0.intoArray(t, L);
                gw[g] = inOrder(t) + lambda * w[g];
                lo1.intoArray(t, 0);
                hi1.intoArray(t, L);
                gw[g + 1] = inOrder(t) + lambda * w[g + 1];
                lo2.intoArray(t, 0);
                hi2.intoArray(t, L);
                gw[g + 2] = inOrder(t) + lambda * w[g + 2];
                lo3.intoArray(t, 0);
                hi3.intoArray(t, L);
                gw[g + 3] = inOrder(t) + lambda * w[g + 3];
            }
        }
        // The last out % 4 units (all of them for a 2-class output layer): four inputs i at a
        // time share each load of delta[j].
        for (int j = out - out % 4; j < out; j++) {
            int dRow = j * stride;
            int i = 0;
            for (; i + 4 <= in; i += 4) {
                DoubleVector lo0 = DoubleVector.zero(S);
                DoubleVector lo1 = lo0;
                DoubleVector lo2 = lo0;
                DoubleVector lo3 = lo0;
                for (int s = 0; s < stride; s += B) {
                    DoubleVector dv = DoubleVector.fromArray(S, delta, dRow + s);
                    lo0 = DoubleVector.fromArray(S, x, i * stride + s).fma(dv, lo0);
                    lo1 = DoubleVector.fromArray(S, x, (i + 1) * stride + s).fma(dv, lo1);
                    lo2 = DoubleVector.fromArray(S, x, (i + 2) * stride + s).fma(dv, lo2);
                    lo3 = DoubleVector.fromArray(S, x, (i + 3) * stride + s).fma(dv, lo3);
                }
                DoubleVector hi0 = DoubleVector.zero(S);
                DoubleVector hi1 = hi0;
                DoubleVector hi2 = hi0;
                DoubleVector hi3 = hi0;
                for (int s = L; s < stride; s += B) {
                    DoubleVector dv = DoubleVector.fromArray(S, delta, dRow + s);
                    hi0 = DoubleVector.fromArray(S, x, i * stride + s).fma(dv, hi0);
                    hi1 = DoubleVector.fromArray(S, x, (i + 1) * stride + s).fma(dv, hi1);
                    hi2 = DoubleVector.fromArray(S, x, (i + 2) * stride + s).fma(dv, hi2);
                    hi3 = DoubleVector.fromArray(S, x, (i + 3) * stride + s).fma(dv, hi3);
                }
                int g = i * out + j;
                lo0.intoArray(t, 0);
                hi0.intoArray(t, L);
                gw[g] = inOrder(t) + lambda * w[g];
                lo1.intoArray(t, 0);
                hi1.intoArray(t, L);
                gw[g + out] = inOrder(t) + lambda * w[g + out];
                lo2.intoArray(t, 0);
                hi2.intoArray(t, L);
                gw[g + 2 * out] = inOrder(t) + lambda * w[g + 2 * out];
                lo3.intoArray(t, 0);
                hi3.intoArray(t, L);
                gw[g + 3 * out] = inOrder(t) + lambda * w[g + 3 * out];
            }
            for (; i < in; i++) {
                DoubleVector lo = DoubleVector.zero(S);
                DoubleVector hi = lo;
                for (int s = 0; s < stride; s += B) {
                    lo = DoubleVector.fromArray(S, x, i * stride + s).fma(DoubleVector.fromArray(S, delta, dRow + s), lo);
                    hi = DoubleVector.fromArray(S, x, i * stride + s + L).fma(DoubleVector.fromArray(S, delta, dRow + s + L), hi);
                }
                int g = i * out + j;
                lo.intoArray(t, 0);
                hi.intoArray(t, L);
                gw[g] = inOrder(t) + lambda * w[g];
            }
        }
    }

    // ---- element by element: the same operations as Kernels, in blocks of two vectors ----

    /**
     * a[j] = f(b[j] + sum_i w[i][j] * x[i]) for every output unit j: four units and two vectors of
     * samples at a time (eight independent sums), each weight broadcast once per block.
     */
    static void affineActivate(double[] w, double[] b, int in, int out, double[] x, Activation f, double alpha,
                               double[] a, int stride) {
        if (in == 2) {
            affineTwoInputs(w, b, out, x, a, stride);
            activateInPlace(f, alpha, a, out * stride);
            return;
        }
        int j = 0;
        for (; j + 4 <= out; j += 4) {
            for (int s = 0; s < stride; s += B) {
                DoubleVector lo0 = DoubleVector.broadcast(S, b[j]);
                DoubleVector hi0 = lo0;
                DoubleVector lo1 = DoubleVector.broadcast(S, b[j + 1]);
                DoubleVector hi1 = lo1;
                DoubleVector lo2 = DoubleVector.broadcast(S, b[j + 2]);
                DoubleVector hi2 = lo2;
                DoubleVector lo3 = DoubleVector.broadcast(S, b[j + 3]);
                DoubleVector hi3 = lo3;
                for (int i = 0; i < in; i++) {
                    DoubleVector xl = DoubleVector.fromArray(S, x, i * stride + s);
                    DoubleVector xh = DoubleVector.fromArray(S, x, i * stride + s + L);
                    int wRow = i * out + j;
                    DoubleVector w0 = DoubleVector.broadcast(S, w[wRow]);
                    lo0 = xl.fma(w0, lo0);
                    hi0 = xh.fma(w0, hi0);
                    DoubleVector w1 = DoubleVector.broadcast(S, w[wRow + 1]);
                    lo1 = xl.fma(w1, lo1);
                    hi1 = xh.fma(w1, hi1);
                    DoubleVector w2 = DoubleVector.broadcast(S, w[wRow + 2]);
                    lo2 = xl.fma(w2, lo2);
                    hi2 = xh.fma(w2, hi2);
                    DoubleVector w3 = DoubleVector.broadcast(S, w[wRow + 3]);
                    lo3 = xl.fma(w3, lo3);
                    hi3 = xh.fma(w3, hi3);
                }
                int o = j * stride + s;
                lo0.intoArray(a, o);
                hi0.intoArray(a, o + L);
                lo1.intoArray(a, o + stride);
                hi1.intoArray(a, o + stride + L);
                lo2.intoArray(a, o + 2 * stride);
                hi2.intoArray(a, o + 2 * stride + L);
                lo3.intoArray(a, o + 3 * stride);
                hi3.intoArray(a, o + 3 * stride + L);
            }
        }
        if (j + 2 <= out) {
            for (int s = 0; s < stride; s += B) {
                DoubleVector lo0 = DoubleVector.broadcast(S, b[j]);
                DoubleVector hi0 = lo0;
                DoubleVector lo1 = DoubleVector.broadcast(S, b[j + 1]);
                DoubleVector hi1 = lo1;
                for (int i = 0; i < in; i++) {
                    DoubleVector xl = DoubleVector.fromArray(S, x, i * stride + s);
                    DoubleVector xh = DoubleVector.fromArray(S, x, i * stride + s + L);
                    int wRow = i * out + j;
                    DoubleVector w0 = DoubleVector.broadcast(S, w[wRow]);
                    lo0 = xl.fma(w0, lo0);
                    hi0 = xh.fma(w0, hi0);
                    DoubleVector w1 = DoubleVector.broadcast(S, w[wRow + 1]);
                    lo1 = xl.fma(w1, lo1);
                    hi1 = xh.fma(w1, hi1);
                }
                int o = j * stride + s;
                lo0.intoArray(a, o);
                hi0.intoArray(a, o + L);
                lo1.intoArray(a, o + stride);
                hi1.intoArray(a, o + stride + L);
            }
            j += 2;
        }
        if (j < out) {
            for (int s = 0; s < stride; s += B) {
                DoubleVector lo0 = DoubleVector.broadcast(S, b[j]);
                DoubleVector hi0 = lo0;
                for (int i = 0; i < in; i++) {
                    DoubleVector w0 = DoubleVector.broadcast(S, w[i * out + j]);
                    lo0 = DoubleVector.fromArray(S, x, i * stride + s).fma(w0, lo0);
                    hi0 = DoubleVector.fromArray(S, x, i * stride + s + L).fma(w0, hi0);
                }
                int o = j * stride + s;
                lo0.intoArray(a, o);
                hi0.intoArray(a, o + L);
            }
        }
        activateInPlace(f, alpha, a, out * stride);
    }

    /**
     * The first layer of a network on 2-D points: a[j] = b[j] + x[0] w[0][j] + x[1] w[1][j], one
     * unit at a time over whole rows (a long loop with its three weights in registers).
     */
    private static void affineTwoInputs(double[] w, double[] b, int out, double[] x, double[] a, int stride) {
        for (int j = 0; j < out; j++) {
            DoubleVector bj = DoubleVector.broadcast(S, b[j]);
            DoubleVector w0 = DoubleVector.broadcast(S, w[j]);
            DoubleVector w1 = DoubleVector.broadcast(S, w[out + j]);
            int o = j * stride;
            for (int s = 0; s < stride; s += L) {
                DoubleVector.fromArray(S, x, stride + s).fma(w1, DoubleVector.fromArray(S, x, s).fma(w0, bj))
                        .intoArray(a, o + s);
            }
        }
    }

    /**
     * prevDelta[i] = (sum_j w[i][j] delta[j]) * f'(prev activation i) below a 2-class output
     * layer, one unit i at a time over whole rows, tanh's derivative applied in the same loop.
     */
    private static void backpropagateTwoOutputs(double[] w, int in, double[] delta, double[] prevActivation,
                                                Activation f, double alpha, double[] prevDelta, int stride) {
        boolean tanh = f == Activation.TANH;
        DoubleVector zero = DoubleVector.zero(S);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        for (int i = 0; i < in; i++) {
            DoubleVector w0 = DoubleVector.broadcast(S, w[2 * i]);
            DoubleVector w1 = DoubleVector.broadcast(S, w[2 * i + 1]);
            int o = i * stride;
            if (tanh) {
                for (int s = 0; s < stride; s += L) {
                    DoubleVector acc = DoubleVector.fromArray(S, delta, stride + s)
                            .fma(w1, DoubleVector.fromArray(S, delta, s).fma(w0, zero));
                    DoubleVector av = DoubleVector.fromArray(S, prevActivation, o + s);
                    acc.mul(av.neg().fma(av, one)).intoArray(prevDelta, o + s);
                }
            } else {
                for (int s = 0; s < stride; s += L) {
                    DoubleVector.fromArray(S, delta, stride + s).fma(w1, DoubleVector.fromArray(S, delta, s).fma(w0, zero))
                            .intoArray(prevDelta, o + s);
                }
            }
        }
        if (!tanh) {
            multiplyByDerivativeInPlace(f, alpha, prevActivation, prevDelta, in * stride);
        }
    }

    /**
     * prevDelta[i] = (sum_j w[i][j] delta[j]) * f'(prev activation i): four units i and two
     * vectors of samples at a time.
     */
    static void backpropagate(double[] w, int in, int out, double[] delta, double[] prevActivation,
                              Activation f, double alpha, double[] prevDelta, int stride) {
        if (out == 2) {
            backpropagateTwoOutputs(w, in, delta, prevActivation, f, alpha, prevDelta, stride);
            return;
        }
        int i = 0;
        for (; i + 4 <= in; i += 4) {
            for (int s = 0; s < stride; s += B) {
                DoubleVector lo0 = DoubleVector.zero(S);
                DoubleVector hi0 = lo0;
                DoubleVector lo1 = lo0;
                DoubleVector hi1 = lo0;
                DoubleVector lo2 = lo0;
                DoubleVector hi2 = lo0;
                DoubleVector lo3 = lo0;
                DoubleVector hi3 = lo0;
                for (int j = 0; j < out; j++) {
                    DoubleVector dl = DoubleVector.fromArray(S, delta, j * stride + s);
                    DoubleVector dh = DoubleVector.fromArray(S, delta, j * stride + s + L);
                    DoubleVector w0 = DoubleVector.broadcast(S, w[i * out + j]);
                    lo0 = dl.fma(w0, lo0);
                    hi0 = dh.fma(w0, hi0);
                    DoubleVector w1 = DoubleVector.broadcast(S, w[(i + 1) * out + j]);
                    lo1 = dl.fma(w1, lo1);
                    hi1 = dh.fma(w1, hi1);
                    DoubleVector w2 = DoubleVector.broadcast(S, w[(i + 2) * out + j]);
                    lo2 = dl.fma(w2, lo2);
                    hi2 = dh.fma(w2, hi2);
                    DoubleVector w3 = DoubleVector.broadcast(S, w[(i + 3) * out + j]);
                    lo3 = dl.fma(w3, lo3);
                    hi3 = dh.fma(w3, hi3);
                }
                int o = i * stride + s;
                lo0.intoArray(prevDelta, o);
                hi0.intoArray(prevDelta, o + L);
                lo1.intoArray(prevDelta, o + stride);
                hi1.intoArray(prevDelta, o + stride + L);
                lo2.intoArray(prevDelta, o + 2 * stride);
                hi2.intoArray(prevDelta, o + 2 * stride + L);
                lo3.intoArray(prevDelta, o + 3 * stride);
                hi3.intoArray(prevDelta, o + 3 * stride + L);
            }
        }
        if (i + 2 <= in) {
            for (int s = 0; s < stride; s += B) {
                DoubleVector lo0 = DoubleVector.zero(S);
                DoubleVector hi0 = lo0;
                DoubleVector lo1 = lo0;
                DoubleVector hi1 = lo0;
                for (int j = 0; j < out; j++) {
                    DoubleVector dl = DoubleVector.fromArray(S, delta, j * stride + s);
                    DoubleVector dh = DoubleVector.fromArray(S, delta, j * stride + s + L);
                    DoubleVector w0 = DoubleVector.broadcast(S, w[i * out + j]);
                    lo0 = dl.fma(w0, lo0);
                    hi0 = dh.fma(w0, hi0);
                    DoubleVector w1 = DoubleVector.broadcast(S, w[(i + 1) * out + j]);
                    lo1 = dl.fma(w1, lo1);
                    hi1 = dh.fma(w1, hi1);
                }
                int o = i * stride + s;
                lo0.intoArray(prevDelta, o);
                hi0.intoArray(prevDelta, o + L);
                lo1.intoArray(prevDelta, o + stride);
                hi1.intoArray(prevDelta, o + stride + L);
            }
            i += 2;
        }
        if (i < in) {
            for (int s = 0; s < stride; s += B) {
                DoubleVector lo0 = DoubleVector.zero(S);
                DoubleVector hi0 = lo0;
                for (int j = 0; j < out; j++) {
                    DoubleVector w0 = DoubleVector.broadcast(S, w[i * out + j]);
                    lo0 = DoubleVector.fromArray(S, delta, j * stride + s).fma(w0, lo0);
                    hi0 = DoubleVector.fromArray(S, delta, j * stride + s + L).fma(w0, hi0);
                }
                int o = i * stride + s;
                lo0.intoArray(prevDelta, o);
                hi0.intoArray(prevDelta, o + L);
            }
        }
        multiplyByDerivativeInPlace(f, alpha, prevActivation, prevDelta, in * stride);
    }

    static void activateInPlace(Activation f, double alpha, double[] a, int len) {
        switch (f) {
            case TANH -> tanhInPlace(a, len);
            case SIGMOID -> sigmoidInPlace(a, len);
            case RELU -> reluInPlace(a, len);
            case LEAKY_RELU -> leakyReluInPlace(a, alpha, len);
            case IDENTITY -> {
                // f(z) = z
            }
        }
    }

    private static void tanhInPlace(double[] a, int len) {
        expInPlace(a, 0, len, TANH);
    }

    private static void sigmoidInPlace(double[] a, int len) {
        expInPlace(a, 0, len, SIGMOID);
    }

    private static void reluInPlace(double[] a, int len) {
        for (int k = 0; k < len; k += L) {
            DoubleVector.fromArray(S, a, k).max(0.0).intoArray(a, k);
        }
    }

    private static void leakyReluInPlace(double[] a, double alpha, int len) {
        for (int k = 0; k < len; k += L) {
            DoubleVector z = DoubleVector.fromArray(S, a, k);
            z.blend(z.mul(alpha), z.compare(VectorOperators.LT, 0.0)).intoArray(a, k);
        }
    }

    static void multiplyByDerivativeInPlace(Activation f, double alpha, double[] a, double[] delta, int len) {
        switch (f) {
            case TANH -> {
                for (int k = 0; k < len; k += L) {
                    DoubleVector av = DoubleVector.fromArray(S, a, k);
                    DoubleVector.fromArray(S, delta, k).mul(av.neg().fma(av, DoubleVector.broadcast(S, 1.0)))
                            .intoArray(delta, k);
                }
            }
            case SIGMOID -> {
                for (int k = 0; k < len; k += L) {
                    DoubleVector av = DoubleVector.fromArray(S, a, k);
                    DoubleVector.fromArray(S, delta, k).mul(av.mul(av.neg().add(1.0))).intoArray(delta, k);
                }
            }
            case RELU, LEAKY_RELU -> {
                double slope = f == Activation.RELU ? 0.0 : alpha;
                for (int k = 0; k < len; k += L) {
                    DoubleVector d = DoubleVector.fromArray(S, delta, k);
                    d.blend(d.mul(slope), DoubleVector.fromArray(S, a, k).compare(VectorOperators.LE, 0.0))
                            .intoArray(delta, k);
                }
            }
            case IDENTITY -> {
                // f' = 1
            }
        }
    }

    // ---- exp, tanh, sigmoid, softmax: Kernels' operations on 4 lanes ----

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    private static final double ROUND_MAGIC = 6755399441055744.0;
    private static final long EXPONENT_BIAS_MINUS_MAGIC = 1023L - Double.doubleToRawLongBits(ROUND_MAGIC);

    static final int EXP = Kernels.EXP;
    static final int TANH = Kernels.TANH;
    static final int SIGMOID = Kernels.SIGMOID;

    /** {@link Kernels#expInPlace} on 4 lanes: the same operations, lane for lane. */
    static void expInPlace(double[] a, int from, int to, int function) {
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector two = DoubleVector.broadcast(S, 2.0);
        for (int k = from; k < to; k += L) {
            DoubleVector z = DoubleVector.fromArray(S, a, k);
            DoubleVector x = function == TANH ? z.add(z) : function == SIGMOID ? z.neg() : z;
            if (!x.abs().compare(VectorOperators.LE, 708.0).allTrue()) {
                x = x.max(-708.0).min(709.0);
            }
            DoubleVector shifted = x.fma(DoubleVector.broadcast(S, LOG2E), DoubleVector.broadcast(S, ROUND_MAGIC));
            DoubleVector kk = shifted.sub(ROUND_MAGIC);
            DoubleVector r = kk.fma(DoubleVector.broadcast(S, -LN2_HI), x).add(kk.mul(-LN2_LO));
            DoubleVector r2 = r.mul(r);
            DoubleVector r4 = r2.mul(r2);
            DoubleVector r8 = r4.mul(r4);
            DoubleVector q0 = r.fma(1.0 / 1, 1.0 / 1);
            DoubleVector q1 = r.fma(1.0 / 6, 1.0 / 2);
            DoubleVector q2 = r.fma(1.0 / 120, 1.0 / 24);
            DoubleVector q3 = r.fma(1.0 / 5040, 1.0 / 720);
            DoubleVector q4 = r.fma(1.0 / 362880, 1.0 / 40320);
            DoubleVector q5 = r.fma(1.0 / 39916800, 1.0 / 3628800);
            DoubleVector s0 = r2.fma(q1, q0);
            DoubleVector s1 = r2.fma(q3, q2);
            DoubleVector s2 = r2.fma(q5, q4);
            DoubleVector t0 = r4.fma(s1, s0);
            DoubleVector t1 = r4.fma(DoubleVector.broadcast(S, 1.0 / 479001600), s2);
            DoubleVector p = r8.fma(t1, t0);
            DoubleVector twoToK = shifted.reinterpretAsLongs().add(EXPONENT_BIAS_MINUS_MAGIC)
                    .lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
            DoubleVector e = p.mul(twoToK);
            if (function == TANH) {
                e = one.sub(two.div(e.add(1.0)));
            } else if (function == SIGMOID) {
                e = one.div(e.add(1.0));
            }
            e.intoArray(a, k);
        }
    }

    /** e^x lane by lane, as {@link Kernels#exp} (tests). */
    static DoubleVector exp(DoubleVector x) {
        double[] t = new double[L];
        x.intoArray(t, 0);
        expInPlace(t, 0, L, EXP);
        return DoubleVector.fromArray(S, t, 0);
    }

    /**
     * {@link SoftmaxCrossEntropy#probabilities} on 4 lanes: probs = logits - max (per sample),
     * then e^probs over all classes at once, then each divided by their sum.
     */
    static void probabilities(double[] logits, double[] probs, int classes, int stride) {
        for (int s = 0; s < stride; s += L) {
            DoubleVector max = DoubleVector.fromArray(S, logits, s);
            for (int k = 1; k < classes; k++) {
                max = max.max(DoubleVector.fromArray(S, logits, k * stride + s));
            }
            for (int k = 0; k < classes; k++) {
                DoubleVector.fromArray(S, logits, k * stride + s).sub(max).intoArray(probs, k * stride + s);
            }
        }
        expInPlace(probs, 0, classes * stride, EXP);
        for (int s = 0; s < stride; s += L) {
            DoubleVector sum = DoubleVector.zero(S);
            for (int k = 0; k < classes; k++) {
                sum = sum.add(DoubleVector.fromArray(S, probs, k * stride + s));
            }
            for (int k = 0; k < classes; k++) {
                DoubleVector.fromArray(S, probs, k * stride + s).div(sum).intoArray(probs, k * stride + s);
            }
        }
    }
}
