package lab.mlp.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jdk.incubator.vector.DoubleVector;
import org.junit.jupiter.api.Test;

/** The vector exp and activations against java.lang.Math. */
class KernelsTest {
    private static double[] lanes(DoubleVector v) {
        return v.toArray();
    }

    @Test
    void expIsWithinThreeUlpsOfMathExp() {
        double worst = 0;
        for (double x = -700; x <= 700; x += 0.0137) {
            double[] in = new double[Kernels.LANES];
            for (int l = 0; l < in.length; l++) {
                in[l] = x + l * 1e-3;
            }
            double[] out = lanes(Kernels.exp(DoubleVector.fromArray(Kernels.SPECIES, in, 0)));
            for (int l = 0; l < in.length; l++) {
                double exact = Math.exp(in[l]);
                worst = Math.max(worst, Math.abs(out[l] - exact) / Math.ulp(exact));
            }
        }
        assertTrue(worst <= 3, "worst error " + worst + " ulp");
    }

    @Test
    void expSaturatesInsteadOfOverflowingAndKeepsNaN() {
        double[] in = new double[Kernels.LANES];
        in[0] = 1e6;
        in[1] = -1e6;
        in[2] = Double.NaN;
        double[] out = lanes(Kernels.exp(DoubleVector.fromArray(Kernels.SPECIES, in, 0)));
        assertTrue(Double.isFinite(out[0]) && out[0] > 1e307);
        assertTrue(out[1] > 0 && out[1] < 1e-307);
        assertTrue(Double.isNaN(out[2]));
    }

    @Test
    void activationsMatchTheirScalarDefinitions() {
        for (Activation f : Activation.values()) {
            int n = Kernels.stride(6001);
            double[] a = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = -30 + 0.01 * i;
            }
            Kernels.activateInPlace(f, 0.1, a, n);
            double[] delta = new double[n];
            java.util.Arrays.fill(delta, 3.0);
            Kernels.multiplyByDerivativeInPlace(f, 0.1, a, delta, n);
            for (int i = 0; i < n; i++) {
                double z = -30 + 0.01 * i;
                assertEquals(f.apply(z, 0.1), a[i], 4e-16, f + " at " + z);
                assertEquals(3 * f.derivativeFromOutput(a[i], 0.1), delta[i], 1e-15, f + "' at " + z);
            }
        }
    }

    @Test
    void derivativesFromOutputMatchFiniteDifferences() {
        double h = 1e-6;
        for (Activation f : Activation.values()) {
            for (double z = -3.05; z <= 3; z += 0.1) {
                double numeric = (f.apply(z + h, 0.1) - f.apply(z - h, 0.1)) / (2 * h);
                assertEquals(numeric, f.derivativeFromOutput(f.apply(z, 0.1), 0.1), 1e-8, f + "' at " + z);
            }
        }
    }

    @Test
    void sumAddsEveryLane() {
        int n = 3 * Kernels.BLOCK;
        double[] x = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            x[i] = i + 1;
            sum += x[i];
        }
        assertEquals(sum, Kernels.sum(x, 0, n), 0.0);
    }
}
