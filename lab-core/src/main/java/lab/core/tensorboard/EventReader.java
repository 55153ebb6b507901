package lab.core.tensorboard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import com.google.protobuf.InvalidProtocolBufferException;
import org.tensorflow.proto.Event;
import org.tensorflow.proto.SessionLog;
import org.tensorflow.proto.Summary;

/**
 * Reads event files back (for tests and tools), checking both masked CRC32Cs of every record:
 * a bad CRC, a truncated record or an undecodable protobuf is a
 * {@link CorruptEventFileException} naming the file and the record's byte offset.
 */
public final class EventReader {
    private EventReader() {
    }

    /** Every record of one event file, in file order. */
    public static List<EventRecord> read(Path file) {
        List<EventRecord> records = new ArrayList<>();
        for (Framed framed : framed(file, readBytes(file), false)) {
            addRecords(framed.event(), framed.offset(), records);
        }
        return records;
    }

    /** One TFRecord: where it starts, its whole bytes (framing included) and the Event in it. */
    record Framed(int offset, int end, Event event) {
    }

    static byte[] readBytes(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot read the TensorBoard event file: " + e, e);
        }
    }

    /**
     * The records of {@code bytes}, checked. Strict: any problem is an exception; else the records
     * before the first problem (a file whose writer was killed mid-record ends with a partial one).
     */
    static List<Framed> framed(Path file, byte[] bytes, boolean stopAtProblem) {
        List<Framed> records = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        while (in.hasRemaining()) {
            try {
                records.add(next(file, bytes, in));
            } catch (CorruptEventFileException e) {
                if (stopAtProblem) {
                    break;
                }
                throw e;
            }
        }
        return records;
    }

    private static Framed next(Path file, byte[] bytes, ByteBuffer in) {
        int offset = in.position();
        if (in.remaining() < TfRecord.HEADER) {
            throw new CorruptEventFileException(file, offset, "truncated record header");
        }
        long length = in.getLong();
        int lengthCrc = in.getInt();
        if (lengthCrc != TfRecord.maskedCrc32c(bytes, offset, 8)) {
            throw new CorruptEventFileException(file, offset, "bad CRC of the record length");
        }
        if (length < 0 || length > in.remaining() - TfRecord.FOOTER) {
            throw new CorruptEventFileException(file, offset, "truncated record (length " + length + ")");
        }
        int start = in.position();
        in.position(start + (int) length);
        if (in.getInt() != TfRecord.maskedCrc32c(bytes, start, (int) length)) {
            throw new CorruptEventFileException(file, offset, "bad CRC of the record data");
        }
        try {
            return new Framed(offset, in.position(), Event.parseFrom(ByteBuffer.wrap(bytes, start, (int) length)));
        } catch (InvalidProtocolBufferException e) {
            throw new CorruptEventFileException(file, offset, "not an Event protobuf: " + e.getMessage());
        }
    }

    /** Every record of every event file in {@code logDir} (not its subdirectories), files in name order. */
    public static List<EventRecord> readDirectory(Path logDir) {
        List<EventRecord> records = new ArrayList<>();
        for (Path file : eventFiles(logDir)) {
            records.addAll(read(file));
        }
        return records;
    }

    /** The event files of {@code logDir}, in name order (TensorBoard's reading order). */
    public static List<Path> eventFiles(Path logDir) {
        try (Stream<Path> files = Files.list(logDir)) {
            return files.filter(p -> {
                String name = p.getFileName().toString();
                return name.contains("tfevents") && !name.startsWith(".");
            }).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(logDir + ": cannot list the TensorBoard log directory: " + e, e);
        }
    }

    private static void addRecords(Event event, long offset, List<EventRecord> out) {
        double wall = event.getWallTime();
        long step = event.getStep();
        switch (event.getWhatCase()) {
            case FILE_VERSION -> out.add(new EventRecord(EventRecord.Kind.FILE_VERSION, offset, wall, step,
                    event.getFileVersion(), Double.NaN, null, null));
            case SESSION_LOG -> out.add(new EventRecord(
                    event.getSessionLog().getStatus() == SessionLog.SessionStatus.START
                            ? EventRecord.Kind.SESSION_START : EventRecord.Kind.OTHER,
                    offset, wall, step, "", Double.NaN, null, null));
            case SUMMARY -> {
                for (Summary.Value v : event.getSummary().getValueList()) {
                    out.add(switch (v.getValueCase()) {
                        case SIMPLE_VALUE -> new EventRecord(EventRecord.Kind.SCALAR, offset, wall, step, v.getTag(),
                                v.getSimpleValue(), null, null);
                        case HISTO -> new EventRecord(EventRecord.Kind.HISTOGRAM, offset, wall, step, v.getTag(),
                                Double.NaN, Histogram.fromProto(v.getHisto()), null);
                        case IMAGE -> new EventRecord(EventRecord.Kind.IMAGE, offset, wall, step, v.getTag(),
                                Double.NaN, null, new EventRecord.Image(v.getImage().getWidth(),
                                v.getImage().getHeight(), v.getImage().getColorspace(),
                                v.getImage().getEncodedImageString().toByteArray()));
                        default -> new EventRecord(EventRecord.Kind.OTHER, offset, wall, step, v.getTag(), Double.NaN,
                                null, null);
                    });
                }
            }
            default -> out.add(new EventRecord(EventRecord.Kind.OTHER, offset, wall, step, "", Double.NaN, null, null));
        }
    }
}
