package lab.mlp.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ToyDataTest {

    @Test
    void noiselessMoonsLieOnScikitLearnsHalfCircles() {
        Dataset d = ToyData.moons(101, 0.0, 0);
        assertEquals(101, d.size());
        assertEquals(50, Arrays.stream(d.labels()).filter(l -> l == 0).count()); // n // 2 outer
        assertEquals(51, Arrays.stream(d.labels()).filter(l -> l == 1).count());
        for (int s = 0; s < d.size(); s++) {
            double x = d.feature(s, 0);
            double y = d.feature(s, 1);
            if (d.labels()[s] == 0) { // (cos t, sin t)
                assertEquals(1.0, x * x + y * y, 1e-12);
                assertTrue(y >= -1e-12);
            } else { // (1 - cos t, 1 - sin t - 0.5)
                assertEquals(1.0, (x - 1) * (x - 1) + (y - 0.5) * (y - 0.5), 1e-12);
                assertTrue(y <= 0.5 + 1e-12);
            }
        }
        // t = 0 and t = pi are both included (linspace end points)
        assertTrue(contains(d, 1, 0) && contains(d, -1, 0) && contains(d, 0, 0.5) && contains(d, 2, 0.5));
    }

    @Test
    void noiseHasTheRequestedSpread() {
        Dataset clean = ToyData.moons(4000, 0.0, 5);
        Dataset noisy = ToyData.moons(4000, 0.2, 5);
        // Same seed and n: same shuffle, so points pair up; the differences are the noise.
        double sum = 0;
        double sq = 0;
        for (int i = 0; i < clean.features().length; i++) {
            double e = noisy.features()[i] - clean.features()[i];
            sum += e;
            sq += e * e;
        }
        int n = clean.features().length;
        assertEquals(0.0, sum / n, 0.01);
        assertEquals(0.2, Math.sqrt(sq / n), 0.01);
    }

    @Test
    void seedDecides() {
        assertArrayEquals(ToyData.moons(50, 0.2, 1).features(), ToyData.moons(50, 0.2, 1).features(), 0.0);
        assertNotEquals(Arrays.toString(ToyData.moons(50, 0.2, 1).features()),
                Arrays.toString(ToyData.moons(50, 0.2, 2).features()));
    }

    @Test
    void circlesHaveRadiusOneAndFactor() {
        Dataset d = ToyData.circles(60, 0.0, 0.5, 0);
        for (int s = 0; s < d.size(); s++) {
            double r = Math.hypot(d.feature(s, 0), d.feature(s, 1));
            assertEquals(d.labels()[s] == 0 ? 1.0 : 0.5, r, 1e-12);
        }
    }

    @Test
    void blobsClusterAroundTheirCentres() {
        Dataset d = ToyData.blobs(2000, 3, 0.5, 4);
        assertEquals(3, d.numClasses());
        for (int k = 0; k < 3; k++) {
            final int cls = k;
            long count = Arrays.stream(d.labels()).filter(l -> l == cls).count();
            assertTrue(count == 666 || count == 667);
            double mx = 0;
            double my = 0;
            for (int s = 0; s < d.size(); s++) {
                if (d.labels()[s] == k) {
                    mx += d.feature(s, 0) / count;
                    my += d.feature(s, 1) / count;
                }
            }
            double spread = 0;
            for (int s = 0; s < d.size(); s++) {
                if (d.labels()[s] == k) {
                    spread += (Math.pow(d.feature(s, 0) - mx, 2) + Math.pow(d.feature(s, 1) - my, 2)) / (2 * count);
                }
            }
            assertEquals(0.5, Math.sqrt(spread), 0.05);
            assertTrue(Math.abs(mx) <= 10.5 && Math.abs(my) <= 10.5);
        }
    }

    @Test
    void badArgumentsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> ToyData.moons(0, 0.2, 0));
        assertThrows(IllegalArgumentException.class, () -> ToyData.moons(10, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> ToyData.blobs(10, 11, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> ToyData.circles(10, 0, 1.5, 0));
    }

    private static boolean contains(Dataset d, double x, double y) {
        for (int s = 0; s < d.size(); s++) {
            if (Math.abs(d.feature(s, 0) - x) < 1e-12 && Math.abs(d.feature(s, 1) - y) < 1e-12) {
                return true;
            }
        }
        return false;
    }
}
