package lab.cnn.monitor;

import java.util.Arrays;
import java.util.Locale;

/**
 * min, max, mean, std, TensorBoard's distribution percentiles and a 20-bin histogram of one
 * array. Exact moments; percentiles and histogram from every k-th value once an array is larger
 * than {@link #SAMPLE_LIMIT}, which keeps fc1's 3.2 million weights cheap.
 */
public record Summary(long count, double min, double max, double mean, double std, double[] percentiles,
                      double histMin, double histMax, long[] histogram) {
    /** TensorBoard's distribution bands: 0, 7, 16, 31, 50, 69, 84, 93, 100. */
    public static final int[] PERCENTILES = {0, 7, 16, 31, 50, 69, 84, 93, 100};
    public static final int BINS = 20;
    static final int SAMPLE_LIMIT = 200_000;

    public static Summary of(float[] values) {
        int n = values.length;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double sum = 0;
        for (float v : values) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        double mean = sum / n;
        double squares = 0;
        for (float v : values) {
            squares += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(squares / n);

        int step = Math.max(1, (n + SAMPLE_LIMIT - 1) / SAMPLE_LIMIT);
        float[] sample = new float[(n + step - 1) / step];
        for (int i = 0, j = 0; i < n; i += step, j++) {
            sample[j] = values[i];
        }
        Arrays.sort(sample);
        double[] percentiles = new double[PERCENTILES.length];
        for (int p = 0; p < PERCENTILES.length; p++) {
            percentiles[p] = percentile(sample, PERCENTILES[p]);
        }
        long[] histogram = new long[BINS];
        double width = (max - min) / BINS;
        for (float v : sample) {
            int bin = width > 0 ? (int) ((v - min) / width) : 0;
            histogram[Math.min(BINS - 1, Math.max(0, bin))]++;
        }
        return new Summary(n, min, max, mean, std, percentiles, min, max, histogram);
    }

    /** Linear interpolation between the two nearest ranks (numpy's default). */
    static double percentile(float[] sorted, int p) {
        double rank = p / 100.0 * (sorted.length - 1);
        int lo = (int) Math.floor(rank);
        int hi = (int) Math.ceil(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    /** The CSV columns after {@code layer,quantity}. */
    String csvColumns() {
        StringBuilder row = new StringBuilder();
        row.append(count);
        for (double v : new double[] {min, max, mean, std}) {
            row.append(',').append(num(v));
        }
        for (double v : percentiles) {
            row.append(',').append(num(v));
        }
        row.append(',').append(num(histMin)).append(',').append(num(histMax)).append(',');
        for (int b = 0; b < histogram.length; b++) {
            row.append(b == 0 ? "" : ";").append(histogram[b]);
        }
        return row.toString();
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.6g", v);
    }
}
