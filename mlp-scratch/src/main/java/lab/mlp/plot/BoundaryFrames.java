package lab.mlp.plot;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import lab.mlp.train.PassEvent;
import lab.mlp.train.PassListener;

/** Collects a {@link BoundaryFrame} every N passes and writes them as a looping GIF. */
public final class BoundaryFrames implements PassListener {
    /** Hundredths of a second per frame, and on the last frame before the loop restarts. */
    static final int FRAME_DELAY = 15;
    static final int LAST_DELAY = 200;

    private final int every;
    private final List<BufferedImage> frames = new ArrayList<>();

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

    @Override
    public void onPass(PassEvent event) {
        frames.add(BoundaryFrame.render(event));
    }

    public int frameCount() {
        return frames.size();
    }

    public void writeGif(Path gif) {
        AnimatedGif.write(frames, FRAME_DELAY, LAST_DELAY, gif);
    }
}
