package lab.core.tensorboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/** What a training run does to its log directory besides writing: start over, or resume. */
public final class EventFiles {
    private EventFiles() {
    }

    /** A run starting over: its earlier event files go (TensorBoard would draw both runs' curves on top of each other). */
    public static void deleteAll(Path logDir) {
        if (!Files.isDirectory(logDir)) {
            return;
        }
        for (Path file : EventReader.eventFiles(logDir)) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot delete an old TensorBoard event file: " + e, e);
            }
        }
    }

    /**
     * A run resumed from its checkpoint at {@code step}: every event file keeps its records up to
     * {@code step} and loses those after it (written before the run stopped; the resumed run writes
     * them again), and a partial record at the end (the writer was killed). Files are rewritten
     * through a temporary file and a rename. The resumed writer's
     * {@link EventWriter#sessionStart} tells TensorBoard the same; doing it here as well keeps every
     * reader right, whatever it makes of restarts.
     *
     * @return how many records were dropped
     */
    public static int keepUpTo(Path logDir, long step) {
        if (!Files.isDirectory(logDir)) {
            return 0;
        }
        int dropped = 0;
        for (Path file : EventReader.eventFiles(logDir)) {
            byte[] bytes = EventReader.readBytes(file);
            List<EventReader.Framed> records = EventReader.framed(file, bytes, true);
            ByteArrayOutputStream kept = new ByteArrayOutputStream(bytes.length);
            int drops = 0;
            for (EventReader.Framed r : records) {
                if (r.event().getStep() <= step) {
                    kept.write(bytes, r.offset(), r.end() - r.offset());
                } else {
                    drops++;
                }
            }
            if (kept.size() == bytes.length) {
                continue;
            }
            Path tmp = file.resolveSibling("." + file.getFileName() + ".tmp");
            try {
                Files.write(tmp, kept.toByteArray());
                Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException(file + ": cannot rewrite a TensorBoard event file: " + e, e);
            }
            dropped += drops;
        }
        return dropped;
    }
}
