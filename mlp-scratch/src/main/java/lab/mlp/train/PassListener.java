package lab.mlp.train;

/**
 * Watches training at fixed passes: pass 0, every {@link #every()} passes, and after the last
 * (a run that diverges stops calling). The seam for monitoring: the decision-boundary GIF
 * ({@code lab.mlp.plot.BoundaryFrames}) is one; a TensorBoard writer would be another, sending
 * {@link PassEvent#loss()} and {@link PassEvent#accuracy()} as scalars and
 * {@code lab.mlp.plot.BoundaryFrame.render(event)} as an image.
 *
 * <p>Called between two steps, never inside one. The listener may run the network forward on
 * other points (loading them into its batch, as rendering a boundary does); the trainer reloads
 * its data afterwards, so listening never changes the training numbers. Its time is not counted
 * in {@link TrainingResult#seconds()}.
 */
public interface PassListener {
    /** Passes between calls (> 0). */
    int every();

    void onPass(PassEvent event);
}
