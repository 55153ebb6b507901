package lab.mlp.model;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The inner loops of the network, vectorised over samples with the Vector API. Activations and
 * deltas are stored unit-major ([unit][sample], row length {@link #stride(int)}), so every loop
 * here runs over a whole padded row of samples and needs no scalar tail.
 *
 * <p>Both network implementations call these same kernels in the same order, which is what makes
 * them agree bit for bit. Only IEEE add, multiply, fma, divide and bit operations are used, never
 * the Vector API's transcendental or reduction operators: those may give different last bits
 * interpreted and JIT-compiled, which would make a run depend on JIT timing.
 *
 * <p>The numbers do not depend on the vector width either: every element goes through the same
 * operations, and sums over samples are kept per position in a block of {@link #BLOCK} samples
 * (an 8-lane accumulator) and added in that order. 8-lane machines (AVX-512) run the loops here,
 * 4-lane ones (AVX2) {@link FourLaneKernels}, others {@link BlockOrder} for the sums.
 */
public final class Kernels {
    static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;
    /** Doubles per vector register on this machine (8 with AVX-512, 4 with AVX2). */
    public static final int LANES = SPECIES.length();
    /**
     * Sums over samples keep one partial sum per position in a block of this many samples, added
     * in a fixed order at the end: the order of an 8-lane vector, whatever the machine's width, so
     * that 8-lane (AVX-512) and 4-lane (AVX2) machines compute the same numbers. Rows are padded to
     * whole blocks.
     */
    public static final int BLOCK = 8;
    private static final int ROW_UNIT = Math.max(BLOCK, LANES);
    /** 4-lane vectors: {@link FourLaneKernels} does the work (same numbers, more independent chains). */
    static final boolean FOUR_LANES = LANES == 4;

    private Kernels() {
    }

    /** Row length for {@code n} samples: n rounded up to a whole number of blocks (and vectors). */
    public static int stride(int n) {
        return (n + ROW_UNIT - 1) / ROW_UNIT * ROW_UNIT;
    }

    /**
     * Lanes added in a fixed order, so the result is the same compiled or interpreted; the caller
     * stores the vector into t first (a vector passed to a method the JIT did not inline is boxed).
     */
    static double inOrder(double[] t) {
        double total = 0;
        for (int lane = 0; lane < LANES; lane++) {
            total += t[lane];
        }
        return total;
    }

    /** Sum of x[off .. off+len), len a whole number of blocks, in block order (see {@link #BLOCK}). */
    static double sum(double[] x, int off, int len) {
        if (FOUR_LANES) {
            return FourLaneKernels.sum(x, off, len);
        }
        if (LANES != BLOCK) {
            return BlockOrder.sum(x, off, len);
        }
        DoubleVector acc = DoubleVector.zero(SPECIES);
        for (int s = 0; s < len; s += LANES) {
            acc = acc.add(DoubleVector.fromArray(SPECIES, x, off + s));
        }
        double[] t = new double[LANES];
        acc.intoArray(t, 0);
        return inOrder(t);
    }

    private static final double LOG2E = 1.4426950408889634;
    private static final double LN2_HI = 6.93147180369123816490e-01;
    private static final double LN2_LO = 1.90821492927058770002e-10;
    /** 1.5 * 2^52: adding it rounds to the nearest integer, which lands in the low mantissa bits. */
    private static final double ROUND_MAGIC = 6755399441055744.0;
    private static final long ROUND_MAGIC_BITS = Double.doubleToRawLongBits(ROUND_MAGIC);
    /** 1023 - bits(ROUND_MAGIC): added to bits(k + ROUND_MAGIC), gives k + 1023 (the biased exponent of 2^k). */
    private static final long EXPONENT_BIAS_MINUS_MAGIC = 1023L - ROUND_MAGIC_BITS;
    /** 1/k!, k = 0..12: Taylor coefficients of e^r; for |r| <= ln2/2 the truncation error is < 2e-16. */
    private static final double C0 = 1.0 / 1;
    private static final double C1 = 1.0 / 1;
    private static final double C2 = 1.0 / 2;
    private static final double C3 = 1.0 / 6;
    private static final double C4 = 1.0 / 24;
    private static final double C5 = 1.0 / 120;
    private static final double C6 = 1.0 / 720;
    private static final double C7 = 1.0 / 5040;
    private static final double C8 = 1.0 / 40320;
    private static final double C9 = 1.0 / 362880;
    private static final double C10 = 1.0 / 3628800;
    private static final double C11 = 1.0 / 39916800;
    private static final double C12 = 1.0 / 479001600;

    /** Inputs inside this range need no clamping (see {@link #expInPlace}). */
    private static final double EXP_SAFE = 708.0;

    /** What {@link #expInPlace} computes from e = e^x. */
    static final int EXP = 0;
    /** tanh z = 1 - 2 / (e^{2z} + 1): one exp; e^{2z} = inf gives 1, e^{2z} = 0 gives -1. */
    static final int TANH = 1;
    /** sigmoid z = 1 / (e^{-z} + 1). */
    static final int SIGMOID = 2;

    /**
     * a[k] = e^a[k], tanh a[k] or sigmoid a[k] over a[from .. to). e^x is within a few ulps of
     * {@link Math#exp}: x = k ln2 + r, e^r by its degree-12 Taylor polynomial, 2^k put straight
     * into the exponent bits; inputs are clamped to [-708, 709] (results stay normal and finite),
     * NaN stays NaN. Everything is written out inside the one loop: a vector passed to a method the
     * JIT did not inline is boxed, and the JIT stops inlining an exp() once it has compiled it on
     * its own. In one loop the division of tanh also overlaps the polynomial of the next vector.
     */
    static void expInPlace(double[] a, int from, int to, int function) {
        DoubleVector one = DoubleVector.broadcast(SPECIES, 1.0);
        DoubleVector two = DoubleVector.broadcast(SPECIES, 2.0);
        for (int k = from; k < to; k += LANES) {
            DoubleVector z = DoubleVector.fromArray(SPECIES, a, k);
            DoubleVector x = function == TANH ? z.add(z) : function == SIGMOID ? z.neg() : z;
            // Clamping costs as much as the rest (Java's max/min handle NaN and -0), so it is done
            // only for vectors that need it: where every lane is within [-708, 708] it changes nothing.
            if (!x.abs().compare(VectorOperators.LE, EXP_SAFE).allTrue()) {
                x = x.max(-708.0).min(709.0);
            }
            DoubleVector shifted = x.fma(DoubleVector.broadcast(SPECIES, LOG2E), DoubleVector.broadcast(SPECIES, ROUND_MAGIC));
            DoubleVector kk = shifted.sub(ROUND_MAGIC);
            DoubleVector r = kk.fma(DoubleVector.broadcast(SPECIES, -LN2_HI), x)
                    .add(kk.mul(-LN2_LO));
            // Estrin's scheme: a shallower dependency chain than Horner's, same accuracy here.
            DoubleVector r2 = r.mul(r);
            DoubleVector r4 = r2.mul(r2);
            DoubleVector r8 = r4.mul(r4);
            DoubleVector q0 = r.fma(C1, C0);
            DoubleVector q1 = r.fma(C3, C2);
            DoubleVector q2 = r.fma(C5, C4);
            DoubleVector q3 = r.fma(C7, C6);
            DoubleVector q4 = r.fma(C9, C8);
            DoubleVector q5 = r.fma(C11, C10);
            DoubleVector s0 = r2.fma(q1, q0);
            DoubleVector s1 = r2.fma(q3, q2);
            DoubleVector s2 = r2.fma(q5, q4);
            DoubleVector t0 = r4.fma(s1, s0);
            DoubleVector t1 = r4.fma(DoubleVector.broadcast(SPECIES, C12), s2);
            DoubleVector p = r8.fma(t1, t0);
            // The low bits of shifted hold k (two's complement): k + 1023 in one integer add.
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

    /** e^x lane by lane (see {@link #expInPlace}); for tests, the kernels use expInPlace. */
    static DoubleVector exp(DoubleVector x) {
        double[] t = new double[LANES];
        x.intoArray(t, 0);
        expInPlace(t, 0, LANES, EXP);
        return DoubleVector.fromArray(SPECIES, t, 0);
    }

    /**
     * a = f(a) over the first {@code len} entries. One small loop per function: each compiles on
     * its own, so vectors never cross a call the JIT did not inline (that would box them).
     */
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
        for (int k = 0; k < len; k += LANES) {
            DoubleVector.fromArray(SPECIES, a, k).max(0.0).intoArray(a, k);
        }
    }

    private static void leakyReluInPlace(double[] a, double alpha, int len) {
        for (int k = 0; k < len; k += LANES) {
            DoubleVector z = DoubleVector.fromArray(SPECIES, a, k);
            z.blend(z.mul(alpha), z.compare(VectorOperators.LT, 0.0)).intoArray(a, k);
        }
    }

    /** delta *= f'(z) over the first {@code len} entries, f' computed from the stored a = f(z). */
    static void multiplyByDerivativeInPlace(Activation f, double alpha, double[] a, double[] delta, int len) {
        switch (f) {
            case TANH -> {
                for (int k = 0; k < len; k += LANES) {
                    DoubleVector av = DoubleVector.fromArray(SPECIES, a, k);
                    DoubleVector.fromArray(SPECIES, delta, k).mul(av.neg().fma(av, DoubleVector.broadcast(SPECIES, 1.0)))
                            .intoArray(delta, k);
                }
            }
            case SIGMOID -> {
                for (int k = 0; k < len; k += LANES) {
                    DoubleVector av = DoubleVector.fromArray(SPECIES, a, k);
                    DoubleVector.fromArray(SPECIES, delta, k).mul(av.mul(av.neg().add(1.0))).intoArray(delta, k);
                }
            }
            case RELU, LEAKY_RELU -> {
                double slope = f == Activation.RELU ? 0.0 : alpha;
                for (int k = 0; k < len; k += LANES) {
                    DoubleVector d = DoubleVector.fromArray(SPECIES, delta, k);
                    d.blend(d.mul(slope), DoubleVector.fromArray(SPECIES, a, k).compare(VectorOperators.LE, 0.0))
                            .intoArray(delta, k);
                }
            }
            case IDENTITY -> {
                // f' = 1
            }
        }
    }

    // ---- matrix-level operations on unit-major buffers; w is row-major [in][out] ----

    /**
     * a[j] = f(b[j] + sum_i w[i][j] * x[i]) for every output unit j. Four units at a time share
     * each load of x and keep four independent sums in registers, which keeps the FMA pipeline
     * busy; f then runs over the finished rows.
     */
    static void affineActivate(double[] w, double[] b, int in, int out, double[] x, Activation f, double alpha,
                               double[] a, int stride) {
        if (FOUR_LANES) {
            FourLaneKernels.affineActivate(w, b, in, out, x, f, alpha, a, stride);
            return;
        }
        int j = 0;
        for (; j + 4 <= out; j += 4) {
            for (int s = 0; s < stride; s += LANES) {
                DoubleVector acc0 = DoubleVector.broadcast(SPECIES, b[j]);
                DoubleVector acc1 = DoubleVector.broadcast(SPECIES, b[j + 1]);
                DoubleVector acc2 = DoubleVector.broadcast(SPECIES, b[j + 2]);
                DoubleVector acc3 = DoubleVector.broadcast(SPECIES, b[j + 3]);
                for (int i = 0; i < in; i++) {
                    DoubleVector xv = DoubleVector.fromArray(SPECIES, x, i * stride + s);
                    int wRow = i * out + j;
                    acc0 = xv.fma(DoubleVector.broadcast(SPECIES, w[wRow]), acc0);
                    acc1 = xv.fma(DoubleVector.broadcast(SPECIES, w[wRow + 1]), acc1);
                    acc2 = xv.fma(DoubleVector.broadcast(SPECIES, w[wRow + 2]), acc2);
                    acc3 = xv.fma(DoubleVector.broadcast(SPECIES, w[wRow + 3]), acc3);
                }
                acc0.intoArray(a, j * stride + s);
                acc1.intoArray(a, (j + 1) * stride + s);
                acc2.intoArray(a, (j + 2) * stride + s);
                acc3.intoArray(a, (j + 3) * stride + s);
            }
        }
        for (; j < out; j++) {
            for (int s = 0; s < stride; s += LANES) {
                DoubleVector acc = DoubleVector.broadcast(SPECIES, b[j]);
                for (int i = 0; i < in; i++) {
                    acc = DoubleVector.fromArray(SPECIES, x, i * stride + s)
                            .fma(DoubleVector.broadcast(SPECIES, w[i * out + j]), acc);
                }
                acc.intoArray(a, j * stride + s);
            }
        }
        activateInPlace(f, alpha, a, out * stride);
    }

    /**
     * gw[i][j] = sum_s x[i][s] delta[j][s] + lambda w[i][j]; gb[j] = sum_s delta[j][s]. Four
     * units j at a time share each load of x[i].
     */
    static void weightGradients(double[] x, int in, double[] delta, int out, int stride,
                                double[] w, double lambda, double[] gw, double[] gb) {
        if (FOUR_LANES) {
            FourLaneKernels.weightGradients(x, in, delta, out, stride, w, lambda, gw, gb);
            return;
        }
        if (LANES != BLOCK) {
            BlockOrder.weightGradients(x, in, delta, out, stride, w, lambda, gw, gb);
            return;
        }
        for (int j = 0; j < out; j++) {
            gb[j] = sum(delta, j * stride, stride);
        }
        double[] t = new double[LANES];
        for (int i = 0; i < in; i++) {
            int xRow = i * stride;
            int j = 0;
            for (; j + 4 <= out; j += 4) {
                DoubleVector acc0 = DoubleVector.zero(SPECIES);
                DoubleVector acc1 = DoubleVector.zero(SPECIES);
                DoubleVector acc2 = DoubleVector.zero(SPECIES);
                DoubleVector acc3 = DoubleVector.zero(SPECIES);
                for (int s = 0; s < stride; s += LANES) {
                    DoubleVector xv = DoubleVector.fromArray(SPECIES, x, xRow + s);
                    acc0 = xv.fma(DoubleVector.fromArray(SPECIES, delta, j * stride + s), acc0);
                    acc1 = xv.fma(DoubleVector.fromArray(SPECIES, delta, (j + 1) * stride + s), acc1);
                    acc2 = xv.fma(DoubleVector.fromArray(SPECIES, delta, (j + 2) * stride + s), acc2);
                    acc3 = xv.fma(DoubleVector.fromArray(SPECIES, delta, (j + 3) * stride + s), acc3);
                }
                int g = i * out + j;
                acc0.intoArray(t, 0);
                gw[g] = inOrder(t) + lambda * w[g];
                acc1.intoArray(t, 0);
                gw[g + 1] = inOrder(t) + lambda * w[g + 1];
                acc2.intoArray(t, 0);
                gw[g + 2] = inOrder(t) + lambda * w[g + 2];
                acc3.intoArray(t, 0);
                gw[g + 3] = inOrder(t) + lambda * w[g + 3];
            }
            for (; j < out; j++) {
                DoubleVector acc = DoubleVector.zero(SPECIES);
                for (int s = 0; s < stride; s += LANES) {
                    acc = DoubleVector.fromArray(SPECIES, x, xRow + s)
                            .fma(DoubleVector.fromArray(SPECIES, delta, j * stride + s), acc);
                }
                acc.intoArray(t, 0);
                gw[i * out + j] = inOrder(t) + lambda * w[i * out + j];
            }
        }
    }

    /**
     * prevDelta[i] = (sum_j w[i][j] delta[j]) * f'(prev activation i): the error signal one
     * layer down, computed with the weights as they were in the forward pass. Four units i at a
     * time share each load of delta[j].
     */
    static void backpropagate(double[] w, int in, int out, double[] delta, double[] prevActivation,
                              Activation f, double alpha, double[] prevDelta, int stride) {
        if (FOUR_LANES) {
            FourLaneKernels.backpropagate(w, in, out, delta, prevActivation, f, alpha, prevDelta, stride);
            return;
        }
        int i = 0;
        for (; i + 4 <= in; i += 4) {
            for (int s = 0; s < stride; s += LANES) {
                DoubleVector acc0 = DoubleVector.zero(SPECIES);
                DoubleVector acc1 = DoubleVector.zero(SPECIES);
                DoubleVector acc2 = DoubleVector.zero(SPECIES);
                DoubleVector acc3 = DoubleVector.zero(SPECIES);
                for (int j = 0; j < out; j++) {
                    DoubleVector d = DoubleVector.fromArray(SPECIES, delta, j * stride + s);
                    acc0 = d.fma(DoubleVector.broadcast(SPECIES, w[i * out + j]), acc0);
                    acc1 = d.fma(DoubleVector.broadcast(SPECIES, w[(i + 1) * out + j]), acc1);
                    acc2 = d.fma(DoubleVector.broadcast(SPECIES, w[(i + 2) * out + j]), acc2);
                    acc3 = d.fma(DoubleVector.broadcast(SPECIES, w[(i + 3) * out + j]), acc3);
                }
                acc0.intoArray(prevDelta, i * stride + s);
                acc1.intoArray(prevDelta, (i + 1) * stride + s);
                acc2.intoArray(prevDelta, (i + 2) * stride + s);
                acc3.intoArray(prevDelta, (i + 3) * stride + s);
            }
        }
        for (; i < in; i++) {
            for (int s = 0; s < stride; s += LANES) {
                DoubleVector acc = DoubleVector.zero(SPECIES);
                for (int j = 0; j < out; j++) {
                    acc = DoubleVector.fromArray(SPECIES, delta, j * stride + s)
                            .fma(DoubleVector.broadcast(SPECIES, w[i * out + j]), acc);
                }
                acc.intoArray(prevDelta, i * stride + s);
            }
        }
        multiplyByDerivativeInPlace(f, alpha, prevActivation, prevDelta, in * stride);
    }

    static double sumOfSquares(double[] w) {
        double total = 0;
        for (double v : w) {
            total += v * v;
        }
        return total;
    }

    static boolean allFinite(double[] values) {
        for (double v : values) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }
}
