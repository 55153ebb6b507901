package lab.core.tensorboard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Bucket counts and moments of tiny arrays, worked out by hand. */
class HistogramTest {
    @Test
    void thirtyEqualBucketsOverMinMax() {
        Histogram h = Histogram.of(new double[] {0, 1, 2, 3, 3});
        assertEquals(0, h.min());
        assertEquals(3, h.max());
        assertEquals(5, h.count());
        assertEquals(9, h.sum());
        assertEquals(23, h.sumSquares());
        assertEquals(Histogram.BUCKETS, h.bucketLimits().length);
        double[] counts = new double[30];
        counts[0] = 1;  // 0
        counts[10] = 1; // 1 = 10 bucket widths of 0.1 above min
        counts[20] = 1; // 2
        counts[29] = 2; // 3, the max, closes the last bucket
        assertArrayEquals(counts, h.bucketCounts());
        assertEquals(0.1, h.bucketLimits()[0], 1e-15);
        assertEquals(1.0, h.bucketLimits()[9], 1e-15);
        assertEquals(3.0, h.bucketLimits()[29]); // exactly max: TensorBoard's right edge of the last bucket
    }

    @Test
    void floatsSkipNonFiniteValues() {
        Histogram h = Histogram.of(new float[] {1f, Float.NaN, 2f, Float.POSITIVE_INFINITY});
        assertEquals(2, h.count());
        assertEquals(1, h.min());
        assertEquals(2, h.max());
        assertEquals(1, h.bucketCounts()[0]);
        assertEquals(1, h.bucketCounts()[29]);
    }

    @Test
    void constantArrayIsOneBucket() {
        Histogram h = Histogram.of(new float[] {0f, 0f, 0f});
        assertArrayEquals(new double[] {0}, h.bucketLimits());
        assertArrayEquals(new double[] {3}, h.bucketCounts());
        assertEquals(3, h.count());
    }

    @Test
    void emptyArrayHasNoBuckets() {
        Histogram h = Histogram.of(new double[0]);
        assertEquals(0, h.count());
        assertEquals(0, h.bucketLimits().length);
    }

    @Test
    void protoRoundTrip() {
        Histogram h = Histogram.of(new double[] {-0.5, 0.25, 4});
        assertEquals(h, Histogram.fromProto(h.toProto()));
    }
}
