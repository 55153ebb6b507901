package lab.mlp.report;

import lab.mlp.train.Score;

/**
 * When two accuracies differ by more than chance: an accuracy p measured on n points has the
 * binomial standard error sqrt(p (1 - p) / n); two such measurements differ beyond their noise
 * when the difference exceeds {@value #Z} standard errors of the difference,
 * Z x sqrt(se1^2 + se2^2) (about a 95% interval). Treating runs on the same points as independent
 * overstates the noise a little: the rule errs on the side of "within the noise".
 */
final class Noise {
    static final double Z = 2;

    private Noise() {
    }

    /** The smallest difference between the two accuracies that is beyond their noise. */
    static double threshold(Score a, Score b) {
        return threshold(a.standardError(), b.standardError());
    }

    static double threshold(double seA, double seB) {
        return Z * Math.sqrt(seA * seA + seB * seB);
    }

    static boolean beyond(Score a, Score b) {
        return Math.abs(a.accuracy() - b.accuracy()) > threshold(a, b);
    }
}
