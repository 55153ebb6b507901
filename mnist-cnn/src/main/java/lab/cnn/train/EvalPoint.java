package lab.cnn.train;

/** Validation and test accuracy after {@code iteration} steps. */
public record EvalPoint(long iteration, double epoch, double valAccuracy, double testAccuracy, double trainSeconds) {
    public double valError() {
        return 1 - valAccuracy;
    }

    public double testError() {
        return 1 - testAccuracy;
    }
}
