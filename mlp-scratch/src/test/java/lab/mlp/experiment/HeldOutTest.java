package lab.mlp.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import lab.mlp.data.Dataset;
import org.junit.jupiter.api.Test;

/** Held-out points: 1,000 from the same generator and settings, seed + 1; blobs keep their centres. */
class HeldOutTest {

    @Test
    void moonsAndCirclesTakeTheNextSeed() {
        assertEquals("moons n=1000 noise=0.2 seed=1", new MoonsSpec(null, null, null).heldOut(Path.of(".")).name());
        assertEquals("circles n=1000 noise=0.1 factor=0.5 seed=3",
                new CirclesSpec(null, null, 2L, null).heldOut(Path.of(".")).name());
    }

    @Test
    void blobsKeepTheTrainingCentres() {
        BlobsSpec spec = new BlobsSpec(200, 0L, 2, 1.0);
        Dataset train = spec.load(Path.of("."));
        Dataset test = spec.heldOut(Path.of("."));
        assertEquals("blobs n=1000 centers=2 std=1 seed=0 points seed=1", test.name());
        assertEquals(1000, test.size());
        for (int k = 0; k < 2; k++) {
            for (int f = 0; f < 2; f++) {
                double a = mean(train, k, f);
                double b = mean(test, k, f);
                // Centres are drawn from [-10, 10]; the means of std-1 clusters differ by ~0.1 at most.
                assertTrue(Math.abs(a - b) < 0.3, "class " + k + " feature " + f + ": " + a + " vs " + b);
            }
        }
    }

    private static double mean(Dataset d, int label, int feature) {
        double sum = 0;
        int n = 0;
        for (int s = 0; s < d.size(); s++) {
            if (d.labels()[s] == label) {
                sum += d.feature(s, feature);
                n++;
            }
        }
        return sum / n;
    }
}
