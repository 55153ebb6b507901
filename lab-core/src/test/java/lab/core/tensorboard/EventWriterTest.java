package lab.core.tensorboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import lab.core.tensorboard.EventRecord.Kind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every record kind written and read back with both CRCs checked; corruption found; the framing byte for byte. */
class EventWriterTest {
    @TempDir
    Path tmp;

    @Test
    void maskedCrc32cOfKnownBuffer() {
        // CRC32C("123456789") = 0xe3069283 (the standard check value), rotated right 15, + 0xa282ead8
        assertEquals(0xc78ab0e5, TfRecord.maskedCrc32c("123456789".getBytes(StandardCharsets.US_ASCII)));
        assertEquals(0xa282ead8, TfRecord.maskedCrc32c(new byte[0]));
    }

    @Test
    void recordFramingByteForByte() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TfRecord.write(out, "123456789".getBytes(StandardCharsets.US_ASCII));
        // length 9 (uint64 LE), masked CRC of it, data, masked CRC of data (both uint32 LE)
        assertEquals("0900000000000000" + "37f97139" + "313233343536373839" + "e5b08ac7",
                HexFormat.of().formatHex(out.toByteArray()));
    }

    @Test
    void everyKindRoundTrips() throws IOException {
        BufferedImage image = new BufferedImage(3, 2, BufferedImage.TYPE_BYTE_GRAY);
        image.getRaster().setPixel(0, 0, new int[] {255});
        image.getRaster().setPixel(2, 1, new int[] {77});
        Path file;
        try (EventWriter writer = EventWriter.open(tmp.resolve("new/dir"))) {
            file = writer.file();
            writer.scalar("loss/train", 5, 0.25);
            writer.histogram("conv1/W", 7, new double[] {0, 1, 2, 3, 3});
            writer.histogram("conv1/b", 7, new float[] {0.5f, -0.5f});
            writer.image("filters", 9, image);
            writer.sessionStart(10);
        }
        assertTrue(file.getFileName().toString().matches("events\\.out\\.tfevents\\.\\d{10}\\.[A-Za-z0-9._-]+"),
                file.toString());

        List<EventRecord> records = EventReader.read(file);
        assertEquals(List.of(Kind.FILE_VERSION, Kind.SCALAR, Kind.HISTOGRAM, Kind.HISTOGRAM, Kind.IMAGE,
                Kind.SESSION_START), records.stream().map(EventRecord::kind).toList());
        assertEquals("brain.Event:2", records.get(0).tag());
        assertEquals(0, records.get(0).offset());
        assertTrue(records.get(0).wallTime() > 1.7e9, "wall time in seconds");

        EventRecord scalar = records.get(1);
        assertEquals("loss/train", scalar.tag());
        assertEquals(5, scalar.step());
        assertEquals(0.25, scalar.value());
        assertNull(scalar.histogram());

        EventRecord histo = records.get(2);
        assertEquals("conv1/W", histo.tag());
        assertEquals(7, histo.step());
        assertEquals(Histogram.of(new double[] {0, 1, 2, 3, 3}), histo.histogram());
        assertEquals(Histogram.of(new float[] {0.5f, -0.5f}), records.get(3).histogram());

        EventRecord img = records.get(4);
        assertEquals("filters", img.tag());
        assertEquals(9, img.step());
        assertEquals(3, img.image().width());
        assertEquals(2, img.image().height());
        assertEquals(1, img.image().colorspace());
        BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(img.image().encoded()));
        assertEquals(255, decoded.getRaster().getSample(0, 0, 0));
        assertEquals(77, decoded.getRaster().getSample(2, 1, 0));
        assertEquals(0, decoded.getRaster().getSample(1, 1, 0));

        assertEquals(10, records.get(5).step());
        assertEquals(records, EventReader.readDirectory(tmp.resolve("new/dir")));
    }

    @Test
    void rgbImageIsColorspace3() {
        Path file;
        try (EventWriter writer = EventWriter.open(tmp)) {
            file = writer.file();
            writer.image("rgb", 1, new BufferedImage(4, 4, BufferedImage.TYPE_INT_RGB));
        }
        assertEquals(3, EventReader.read(file).get(1).image().colorspace());
    }

    @Test
    void aCorruptedByteIsFoundWithItsOffset() throws IOException {
        Path file;
        try (EventWriter writer = EventWriter.open(tmp)) {
            file = writer.file();
            writer.scalar("a", 1, 1.0);
            writer.scalar("b", 2, 2.0);
        }
        List<EventRecord> records = EventReader.read(file);
        long second = records.get(1).offset();
        byte[] good = Files.readAllBytes(file);

        byte[] bad = good.clone();
        bad[(int) second + TfRecord.HEADER + 3] ^= 0x01; // inside the data of record 2
        Files.write(file, bad);
        CorruptEventFileException e = assertThrows(CorruptEventFileException.class, () -> EventReader.read(file));
        assertEquals(second, e.offset());
        assertTrue(e.getMessage().startsWith(file + ": byte " + second + ": bad CRC of the record data"),
                e.getMessage());

        bad = good.clone();
        bad[(int) second] ^= 0x01; // the length itself
        Files.write(file, bad);
        e = assertThrows(CorruptEventFileException.class, () -> EventReader.read(file));
        assertTrue(e.getMessage().contains("bad CRC of the record length"), e.getMessage());

        Files.write(file, java.util.Arrays.copyOf(good, good.length - 2)); // killed mid-write
        e = assertThrows(CorruptEventFileException.class, () -> EventReader.read(file));
        assertTrue(e.getMessage().contains("truncated record"), e.getMessage());
    }

    @Test
    void twoWritersInOneSecondGetTwoFiles() {
        try (EventWriter a = EventWriter.open(tmp); EventWriter b = EventWriter.open(tmp)) {
            assertNotEquals(a.file(), b.file());
            assertTrue(b.file().getFileName().toString().contains("tfevents"));
        }
        assertEquals(2, EventReader.eventFiles(tmp).size());
    }

    @Test
    void ioErrorNamesTheFile() throws IOException {
        Path blocker = tmp.resolve("not-a-dir");
        Files.writeString(blocker, "x");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> EventWriter.open(blocker));
        assertTrue(e.getMessage().startsWith(blocker.toString()), e.getMessage());
        assertThrows(UncheckedIOException.class, () -> EventReader.read(tmp.resolve("missing")));
    }

    @Test
    void writingAfterCloseFails() {
        EventWriter writer = EventWriter.open(tmp);
        writer.close();
        writer.close();
        assertThrows(IllegalStateException.class, () -> writer.scalar("x", 1, 1));
    }
}
