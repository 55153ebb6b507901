package lab.cnn.train;

/** Training loss (mini-batch score, dropout on) after {@code iteration} steps. */
public record LossPoint(long iteration, double epoch, double loss) {
}
