package lab.cnn.report;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/**
 * The runs of one experiment, one per seed (one run when it was trained with its own seed only):
 * what the index and the comparisons report, as mean, sample standard deviation and n.
 *
 * @param runs the first is the experiment's own run ({@code NAME}), then {@code NAME-seedS} by seed
 */
public record SeedGroup(String experiment, List<CnnRun> runs) {
    public SeedGroup {
        runs = List.copyOf(runs);
        if (runs.isEmpty()) {
            throw new IllegalArgumentException(experiment + ": a seed group needs a run");
        }
    }

    public int n() {
        return runs.size();
    }

    /** The experiment's own run, for its report page and its curves when there is one seed. */
    public CnnRun first() {
        return runs.get(0);
    }

    public boolean anyDiverged() {
        return runs.stream().anyMatch(r -> r.metrics().diverged());
    }

    public double meanTestError() {
        return mean(r -> r.metrics().testError());
    }

    public double sdTestError() {
        return sd(r -> r.metrics().testError());
    }

    public double meanValError() {
        return mean(r -> r.metrics().valError());
    }

    public double sdValError() {
        return sd(r -> r.metrics().valError());
    }

    /** Test images of the first run (every seed of an experiment uses the same test set). */
    public int testImages() {
        CnnMetrics.DatasetInfo ds = first().metrics().dataset();
        return ds == null ? 0 : ds.testImages();
    }

    /** Standard error of the mean test error: test-set sampling and, with 2+ seeds, the seed spread. */
    public double testErrorSe() {
        return Noise.meanSe(meanTestError(), testImages(), sdTestError(), n());
    }

    public double meanEpochs() {
        return mean(r -> r.metrics().epochs());
    }

    public double meanImagesPerSecond() {
        return mean(r -> r.metrics().imagesPerSecond());
    }

    /** Test error at each run's best validation epoch, averaged (empty if a run has no evaluation). */
    public Optional<Double> meanTestErrorAtBest() {
        double sum = 0;
        for (CnnRun r : runs) {
            Optional<BestEpoch> best = BestEpoch.of(r.evals());
            if (best.isEmpty()) {
                return Optional.empty();
            }
            sum += best.get().testError();
        }
        return Optional.of(sum / runs.size());
    }

    /** "2.00" or, over seeds, "2.00, 3.00, 3.00". */
    public String bestEpochs() {
        StringBuilder sb = new StringBuilder();
        for (CnnRun r : runs) {
            Optional<BestEpoch> best = BestEpoch.of(r.evals());
            sb.append(sb.length() == 0 ? "" : ", ").append(best.map(b -> CnnObservations.epochs(b.epoch())).orElse("–"));
        }
        return sb.toString();
    }

    /** "1.21%" for one run, "1.02% ± 0.08 (n=3)" over seeds. */
    public String testErrorCell() {
        return cell(meanTestError(), sdTestError());
    }

    public String valErrorCell() {
        return cell(meanValError(), sdValError());
    }

    private String cell(double mean, double sd) {
        if (n() == 1) {
            return CnnObservations.pct(mean);
        }
        return String.format(Locale.ROOT, "%.2f%% ± %.2f (n=%d)", 100 * mean, 100 * sd, n());
    }

    private double mean(ToDoubleFunction<CnnRun> f) {
        return runs.stream().mapToDouble(f).average().orElse(Double.NaN);
    }

    /** Sample standard deviation (n - 1); NaN for one run. */
    private double sd(ToDoubleFunction<CnnRun> f) {
        if (n() < 2) {
            return Double.NaN;
        }
        double m = mean(f);
        double ss = runs.stream().mapToDouble(f).map(x -> (x - m) * (x - m)).sum();
        return Math.sqrt(ss / (n() - 1));
    }
}
