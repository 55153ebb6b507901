package lab.cnn.report;

/**
 * One row of {@code layer-stats.csv}: the statistics of one quantity of one layer after
 * {@code iteration} steps.
 *
 * @param percentiles the 0, 7, 16, 31, 50, 69, 84, 93 and 100th percentiles (TensorBoard's bands)
 * @param hist        counts in {@link LayerStatsCsv#HIST_BINS} equal bins over [histMin, histMax]
 */
public record LayerStat(long iteration, double epoch, String layer, String quantity, long count, double min,
                        double max, double mean, double std, double[] percentiles, double histMin, double histMax,
                        long[] hist) {

    public double percentile(int index) {
        return percentiles[index];
    }

    public double median() {
        return percentiles[4];
    }
}
