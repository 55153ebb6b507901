package lab.mlp.monitor;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import lab.core.tensorboard.EventFiles;
import lab.core.tensorboard.EventWriter;
import lab.mlp.plot.BoundaryFrames;
import lab.mlp.train.CurvePoint;
import lab.mlp.train.PassEvent;

/**
 * An mlp run's TensorBoard log ({@code runs/NAME/tensorboard/}), step = pass:
 * {@value #LOSS} and {@value #ACCURACY} at every recorded point of the curve (the rows of
 * loss.csv), and {@value #BOUNDARY}, the boundary.gif frames as they are rendered.
 *
 * <p>The scalars are written from the finished curve, not from inside the training loop, so the
 * log costs the timed loop nothing; the frames come from {@link BoundaryFrames}, whose time the
 * trainer already leaves out of train_seconds. A run always starts over: old event files go.
 */
public final class MlpTensorBoard implements BoundaryFrames.Sink, AutoCloseable {
    public static final String DIRECTORY = "tensorboard";
    public static final String LOSS = "train/loss";
    public static final String ACCURACY = "train/accuracy";
    public static final String BOUNDARY = "boundary";

    private final EventWriter writer;

    private MlpTensorBoard(EventWriter writer) {
        this.writer = writer;
    }

    /** A fresh log in {@code logDir}: earlier event files there are deleted (the run starts over). */
    public static MlpTensorBoard open(Path logDir) {
        EventFiles.deleteAll(logDir);
        EventWriter writer = EventWriter.open(logDir);
        writer.sessionStart(0);
        return new MlpTensorBoard(writer);
    }

    public Path file() {
        return writer.file();
    }

    @Override
    public void frame(PassEvent event, BufferedImage frame) {
        writer.image(BOUNDARY, event.pass(), frame);
    }

    /** Loss and accuracy at every point of the curve. */
    public void curve(List<CurvePoint> curve) {
        for (CurvePoint p : curve) {
            writer.scalar(LOSS, p.pass(), p.loss());
            writer.scalar(ACCURACY, p.pass(), p.accuracy());
        }
    }

    @Override
    public void close() {
        writer.close();
    }
}
