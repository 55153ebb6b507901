package lab.mlp.train;

/** Loss (the assignment's: mean cross-entropy plus L2 term over N) and accuracy after {@code pass} passes. */
public record CurvePoint(int pass, double loss, double accuracy) {
}
