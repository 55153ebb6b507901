package lab.core.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import lab.core.tensorboard.EventRecord.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A resumed run's log directory loses what came after its checkpoint; a fresh run's loses everything. */
class EventFilesTest {
    @TempDir
    Path tmp;

    @Test
    void keepUpToDropsLaterStepsAndAPartialLastRecord() throws IOException {
        Path file;
        try (EventWriter writer = EventWriter.open(tmp)) {
            file = writer.file();
            for (int step = 1; step <= 6; step++) {
                writer.scalar("loss", step, step);
            }
        }
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 3)); // killed mid-record: step 6 is partial

        assertEquals(2, EventFiles.keepUpTo(tmp, 3)); // steps 4 and 5 (6 was never whole)
        List<EventRecord> kept = EventReader.read(file);
        assertEquals(List.of(Kind.FILE_VERSION, Kind.SCALAR, Kind.SCALAR, Kind.SCALAR),
                kept.stream().map(EventRecord::kind).toList());
        assertEquals(3, kept.get(3).step());
        assertEquals(0, EventFiles.keepUpTo(tmp, 3));
        assertEquals(List.of(file), EventReader.eventFiles(tmp), "no temporary file left");
    }

    @Test
    void deleteAllLeavesOtherFiles() throws IOException {
        EventWriter.open(tmp).close();
        Files.writeString(tmp.resolve("notes.txt"), "kept");
        EventFiles.deleteAll(tmp);
        assertEquals(List.of(), EventReader.eventFiles(tmp));
        assertEquals("kept", Files.readString(tmp.resolve("notes.txt")));
        EventFiles.deleteAll(tmp.resolve("missing"));
    }
}
