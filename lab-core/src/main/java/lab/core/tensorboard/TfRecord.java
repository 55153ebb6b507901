package lab.core.tensorboard;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.zip.CRC32C;

/**
 * TFRecord framing, the container of an event file: uint64 little-endian length, masked CRC32C
 * of those 8 bytes, the data, masked CRC32C of the data.
 */
final class TfRecord {
    /** Bytes before the data (length + its CRC) and after it (the data's CRC). */
    static final int HEADER = 12;
    static final int FOOTER = 4;
    private static final int MASK_DELTA = 0xa282ead8;

    private TfRecord() {
    }

    /** TensorFlow's masked CRC32C: rotated right by 15 bits plus a constant, so a CRC of CRCs is not trivial. */
    static int maskedCrc32c(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        int c = (int) crc.getValue();
        return ((c >>> 15) | (c << 17)) + MASK_DELTA;
    }

    static int maskedCrc32c(byte[] bytes) {
        return maskedCrc32c(bytes, 0, bytes.length);
    }

    static void write(OutputStream out, byte[] data) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER).order(ByteOrder.LITTLE_ENDIAN);
        header.putLong(data.length);
        header.putInt(maskedCrc32c(header.array(), 0, 8));
        out.write(header.array());
        out.write(data);
        out.write(ByteBuffer.allocate(FOOTER).order(ByteOrder.LITTLE_ENDIAN).putInt(maskedCrc32c(data)).array());
    }
}
