package lab.cnn.report;

import java.util.Locale;

/**
 * How far apart two error rates must be before a report may rank them. An error rate measured on
 * N test images has the binomial standard error sqrt(p (1 - p) / N) (about 0.1 points at 1% on
 * 10,000 images); a mean over n seeds adds the seed spread, sd / sqrt(n). Two results differ
 * beyond the noise when their difference exceeds twice the standard error of the difference,
 * taking the two as independent: conservative for runs scored on the same test images.
 */
public final class Noise {
    /** Differences within this many standard errors are "within the noise". */
    public static final double Z = 2.0;

    private Noise() {
    }

    public static double binomialSe(double error, int images) {
        if (images <= 0 || !Double.isFinite(error)) {
            return Double.NaN;
        }
        double p = Math.min(1, Math.max(0, error));
        return Math.sqrt(p * (1 - p) / images);
    }

    /** Standard error of a mean error over seeds: test-set sampling plus the seed spread (sd 0 for one seed). */
    public static double meanSe(double meanError, int images, double seedSd, int seeds) {
        double binomial = binomialSe(meanError, images);
        double spread = seeds >= 2 && Double.isFinite(seedSd) ? seedSd * seedSd / seeds : 0;
        return Math.sqrt(binomial * binomial + spread);
    }

    /** The difference a - b of two estimates with standard errors, and whether it is beyond the noise. */
    public record Difference(double difference, double twoSe) {
        public boolean beyondNoise() {
            return Math.abs(difference) > twoSe;
        }

        /** "0.28 points, beyond the noise (2 SE = 0.17 points)" or "... within the noise (...)". */
        public String describe() {
            return String.format(Locale.ROOT, "%.2f points, %s (2 SE = %.2f points)", 100 * Math.abs(difference),
                    beyondNoise() ? "beyond the noise" : "within the noise", 100 * twoSe);
        }
    }

    public static Difference difference(double a, double seA, double b, double seB) {
        return new Difference(a - b, Z * Math.sqrt(seA * seA + seB * seB));
    }
}
