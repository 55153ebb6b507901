package lab.core.tensorboard;

import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.imageio.ImageIO;
import com.google.protobuf.ByteString;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.SessionLog;
import org.tensorflow.proto.Summary;

/**
 * Writes one TensorBoard event file: {@code <logDir>/events.out.tfevents.<epochSeconds>.<host>}
 * (with {@code .1}, {@code .2}... appended if a writer of the same second exists: TensorBoard
 * reads every file whose name contains {@code tfevents}). Records are TFRecord-framed
 * {@code Event} protobufs; the first one is {@code file_version = "brain.Event:2"}.
 *
 * <p>Every method is synchronized, so one writer may be shared, but it is meant for one
 * thread. Records are buffered until {@link #flush()} or {@link #close()}. I/O errors are thrown
 * as {@link UncheckedIOException}s that name the file.
 */
public final class EventWriter implements AutoCloseable {
    public static final String FILE_PREFIX = "events.out.tfevents.";
    static final String FILE_VERSION = "brain.Event:2";

    private final Path file;
    private final OutputStream out;
    private boolean closed;

    private EventWriter(Path file, OutputStream out) {
        this.file = file;
        this.out = out;
    }

    /** Creates {@code logDir} if needed and a new event file in it, starting with the file-version record. */
    public static EventWriter open(Path logDir) {
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new UncheckedIOException(logDir + ": cannot create the TensorBoard log directory: " + e, e);
        }
        long now = System.currentTimeMillis();
        String base = FILE_PREFIX + (now / 1000) + "." + host();
        for (int n = 0; ; n++) {
            Path file = logDir.resolve(n == 0 ? base : base + "." + n);
            try {
                OutputStream out = new BufferedOutputStream(
                        Files.newOutputStream(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 1 << 16);
                EventWriter writer = new EventWriter(file, out);
                writer.write(Event.newBuilder().setWallTime(now / 1000.0).setFileVersion(FILE_VERSION).build());
                return writer;
            } catch (FileAlreadyExistsException e) {
                // another writer opened in the same second: try the next suffix
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot create the TensorBoard event file: " + e, e);
            }
        }
    }

    /** The host name as TensorFlow puts it in the file name; "localhost" where it cannot be found. */
    private static String host() {
        String name;
        try {
            name = InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            name = System.getenv().getOrDefault("HOSTNAME", "localhost");
        }
        String safe = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return safe.isEmpty() ? "localhost" : safe;
    }

    public Path file() {
        return file;
    }

    /** A scalar (stored as a 32-bit float, TensorBoard's {@code simple_value}). */
    public void scalar(String tag, long step, double value) {
        writeValue(step, Summary.Value.newBuilder().setTag(tag).setSimpleValue((float) value));
    }

    /** A histogram of {@code values} in {@value Histogram#BUCKETS} equal-width buckets (see {@link Histogram}). */
    public void histogram(String tag, long step, double[] values) {
        histogram(tag, step, Histogram.of(values));
    }

    public void histogram(String tag, long step, float[] values) {
        histogram(tag, step, Histogram.of(values));
    }

    /** A histogram already bucketed. */
    public void histogram(String tag, long step, Histogram histogram) {
        writeValue(step, Summary.Value.newBuilder().setTag(tag).setHisto(histogram.toProto()));
    }

    /** An image, PNG-encoded: grey, RGB or RGBA as the image's colour model has 1, 3 or 4 components. */
    public void image(String tag, long step, BufferedImage image) {
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            if (!ImageIO.write(image, "png", png)) {
                throw new IllegalArgumentException(tag + ": no PNG encoder for image type " + image.getType());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot encode image " + tag + ": " + e, e);
        }
        int components = image.getColorModel().getNumComponents();
        Summary.Image proto = Summary.Image.newBuilder().setHeight(image.getHeight()).setWidth(image.getWidth())
                .setColorspace(components == 1 ? 1 : components == 4 ? 4 : 3)
                .setEncodedImageString(ByteString.copyFrom(png.toByteArray())).build();
        writeValue(step, Summary.Value.newBuilder().setTag(tag).setImage(proto));
    }

    /**
     * A session start at {@code step}: write one when a run starts ({@code step} 0) and when it
     * resumes from a checkpoint ({@code step} = checkpoint + 1). TensorBoard drops what the log
     * directory holds at {@code step} and later (written before the run stopped, to be written
     * again), as for TensorFlow's own restarts; its server ignores the first start of a log
     * directory, hence one at the very beginning too. {@link EventFiles#keepUpTo} does the same to
     * the files themselves, for readers that ignore restarts.
     */
    public void sessionStart(long step) {
        write(Event.newBuilder().setWallTime(System.currentTimeMillis() / 1000.0).setStep(step)
                .setSessionLog(SessionLog.newBuilder().setStatus(SessionLog.SessionStatus.START)).build());
    }

    private void writeValue(long step, Summary.Value.Builder value) {
        write(Event.newBuilder().setWallTime(System.currentTimeMillis() / 1000.0).setStep(step)
                .setSummary(Summary.newBuilder().addValue(value)).build());
    }

    private synchronized void write(Event event) {
        if (closed) {
            throw new IllegalStateException(file + ": event writer is closed");
        }
        try {
            TfRecord.write(out, event.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write a TensorBoard event: " + e, e);
        }
    }

    public synchronized void flush() {
        if (closed) {
            return;
        }
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot write a TensorBoard event: " + e, e);
        }
    }

    /** Flushes and closes the file. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot close the TensorBoard event file: " + e, e);
        }
    }
}
