package lab.core.tensorboard;

import java.util.Arrays;
import org.tensorflow.proto.HistogramProto;

/**
 * One histogram as TensorBoard stores it ({@code HistogramProto}): min, max, count, sum, sum of
 * squares, and buckets given by their right edges ({@code bucketLimits}) and counts.
 *
 * <p>{@link #of} makes {@value #BUCKETS} equal-width buckets over [min, max], as TensorFlow 2's
 * {@code tf.summary.histogram} does by default: TensorBoard draws bucket i from the previous limit
 * (min for the first) to this one (max for the last), so equal widths over the data's own range
 * use every bucket, where TensorFlow 1's ~1,500 fixed exponential buckets would put a layer's
 * small weights into a handful of them. Non-finite values are left out (TensorBoard cannot place
 * them); an array without finite values gives count 0 and no buckets, a constant array one bucket.
 */
public record Histogram(double min, double max, long count, double sum, double sumSquares, double[] bucketLimits,
                        double[] bucketCounts) {
    public static final int BUCKETS = 30;

    public static Histogram of(double[] values) {
        return of(new Values() {
            public int length() {
                return values.length;
            }

            public double get(int i) {
                return values[i];
            }
        });
    }

    public static Histogram of(float[] values) {
        return of(new Values() {
            public int length() {
                return values.length;
            }

            public double get(int i) {
                return values[i];
            }
        });
    }

    /** Read-only view over double[] or float[], so both share one loop without copying. */
    private interface Values {
        int length();

        double get(int i);
    }

    private static Histogram of(Values values) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        double squares = 0;
        long count = 0;
        for (int i = 0; i < values.length(); i++) {
            double v = values.get(i);
            if (Double.isFinite(v)) {
                min = Math.min(min, v);
                max = Math.max(max, v);
                sum += v;
                squares += v * v;
                count++;
            }
        }
        if (count == 0) {
            return new Histogram(0, 0, 0, 0, 0, new double[0], new double[0]);
        }
        if (min == max) {
            return new Histogram(min, max, count, sum, squares, new double[] {max}, new double[] {count});
        }
        double range = max - min;
        double[] limits = new double[BUCKETS];
        for (int b = 0; b < BUCKETS - 1; b++) {
            limits[b] = min + range * (b + 1) / BUCKETS;
        }
        limits[BUCKETS - 1] = max;
        double[] counts = new double[BUCKETS];
        for (int i = 0; i < values.length(); i++) {
            double v = values.get(i);
            if (Double.isFinite(v)) {
                int b = (int) ((v - min) * BUCKETS / range);
                counts[Math.min(BUCKETS - 1, b)]++;
            }
        }
        return new Histogram(min, max, count, sum, squares, limits, counts);
    }

    HistogramProto toProto() {
        HistogramProto.Builder proto = HistogramProto.newBuilder().setMin(min).setMax(max).setNum(count).setSum(sum)
                .setSumSquares(sumSquares);
        for (int b = 0; b < bucketLimits.length; b++) {
            proto.addBucketLimit(bucketLimits[b]).addBucket(bucketCounts[b]);
        }
        return proto.build();
    }

    static Histogram fromProto(HistogramProto proto) {
        double[] limits = proto.getBucketLimitList().stream().mapToDouble(Double::doubleValue).toArray();
        double[] counts = proto.getBucketList().stream().mapToDouble(Double::doubleValue).toArray();
        return new Histogram(proto.getMin(), proto.getMax(), (long) proto.getNum(), proto.getSum(),
                proto.getSumSquares(), limits, counts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && Double.compare(min, h.min) == 0 && Double.compare(max, h.max) == 0
                && count == h.count && Double.compare(sum, h.sum) == 0 && Double.compare(sumSquares, h.sumSquares) == 0
                && Arrays.equals(bucketLimits, h.bucketLimits) && Arrays.equals(bucketCounts, h.bucketCounts);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(bucketLimits) + Arrays.hashCode(bucketCounts) + Long.hashCode(count);
    }

    @Override
    public String toString() {
        return "Histogram[min=" + min + ", max=" + max + ", count=" + count + ", sum=" + sum + ", limits="
                + Arrays.toString(bucketLimits) + ", counts=" + Arrays.toString(bucketCounts) + "]";
    }
}
