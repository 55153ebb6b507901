package lab.core.tensorboard;

import java.nio.file.Path;

/** An event file whose framing or CRCs do not check out: names the file and the record's byte offset. */
public final class CorruptEventFileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    CorruptEventFileException(Path file, long offset, String problem) {
        super(file + ": byte " + offset + ": " + problem);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
