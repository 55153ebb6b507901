package lab.mlp.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.mlp.train.PassEvent;
import lab.mlp.train.PassListener;

/**
 * Collects a {@link BoundaryFrame} every N passes and writes them as a looping GIF; each frame
 * also goes to the sinks given to {@link #alsoTo} (a TensorBoard log), so it is rendered once.
 */
public final class BoundaryFrames implements PassListener {
    /** Another user of the frames, called with each one as it is rendered. */
    public interface Sink {
        void frame(PassEvent event, BufferedImage frame);
    }

    /** Hundredths of a second per frame, and on the last frame before the loop restarts. */
    static final int FRAME_DELAY = 15;
    static final int LAST_DELAY = 200;

    private final int every;
    private final List<BufferedImage> frames = new ArrayList<>();
    private final List<Sink> sinks = new ArrayList<>();

    public BoundaryFrames(int every) {
        if (every <= 0) {
            throw new IllegalArgumentException("frames every must be > 0, got " + every);
        }
        this.every = every;
    }

    @Override
    public int every() {
        return every;
    }

    /** Sends every frame rendered from now on to {@code sink} as well. */
    public BoundaryFrames alsoTo(Sink sink) {
        sinks.add(sink);
        return this;
    }

    @Override
    public void onPass(PassEvent event) {
        BufferedImage frame = BoundaryFrame.render(event);
        frames.add(frame);
        for (Sink sink : sinks) {
            sink.frame(event, frame);
        }
    }

    public int frameCount() {
        return frames.size();
    }

    public void writeGif(Path gif) {
        AnimatedGif.write(frames, FRAME_DELAY, LAST_DELAY, gif);
    }
}
