package lab.cnn.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.ZipException;
import lab.core.UserError;

/**
 * Reads IDX files (the MNIST format), raw or gzipped: grey images (magic 2051, 3 dimensions:
 * count, rows, cols, then one unsigned byte per pixel), colour images (magic 2052, 4 dimensions:
 * count, rows, cols, channels, i.e. N x H x W x C with a pixel's channels side by side, as numpy
 * arrays of images usually are) and labels (magic 2049: count, then one byte per label). The
 * payload must be exactly what the header declares. Every problem is a one-line
 * {@link UserError}: {@code <path>: <problem> (<what to do>)}.
 */
public final class IdxFile {
    public static final int IMAGE_MAGIC = 0x803;
    /** Unsigned bytes in 4 dimensions: N x H x W x C. */
    public static final int COLOUR_IMAGE_MAGIC = 0x804;
    public static final int LABEL_MAGIC = 0x801;
    public static final int DEFAULT_CLASSES = 10;

    private static final String REFETCH = "re-download or re-copy the file";
    // Java arrays stop a little short of Integer.MAX_VALUE.
    private static final long MAX_PAYLOAD = Integer.MAX_VALUE - 8;

    private IdxFile() {
    }

    public static IdxImages readImages(Path file) {
        try (InputStream in = MaybeGzip.open(file)) {
            byte[] magic = in.readNBytes(4);
            boolean colour = magic.length == 4 && ByteBuffer.wrap(magic).getInt() == COLOUR_IMAGE_MAGIC;
            ByteBuffer header = header(file, magic, in, colour ? 20 : 16, colour ? COLOUR_IMAGE_MAGIC : IMAGE_MAGIC);
            int count = header.getInt(4);
            int rows = header.getInt(8);
            int cols = header.getInt(12);
            int channels = colour ? header.getInt(16) : 1;
            String size = rows + "x" + cols + (colour ? "x" + channels : "");
            if (count < 0 || rows <= 0 || cols <= 0 || channels <= 0) {
                throw error(file, "header declares " + count + " images of " + size, REFETCH);
            }
            if (colour && rows <= 4 && channels > 4) {
                throw error(file, "header declares " + count + " images of " + size + ", which looks like N x C x H x W",
                        "this reader takes N x H x W x C, channels last: transpose the array before writing it");
            }
            String declared = count + " images of " + size;
            byte[] pixels = payload(file, in, (long) count * rows * cols * channels, declared);
            return new IdxImages(count, rows, cols, channels, pixels);
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    public static byte[] readLabels(Path file) {
        return readLabels(file, DEFAULT_CLASSES);
    }

    /** Labels as unsigned bytes, each checked to lie in 0..numClasses-1. */
    public static byte[] readLabels(Path file, int numClasses) {
        if (numClasses < 1 || numClasses > 256) {
            throw new IllegalArgumentException("numClasses must be 1..256, got " + numClasses);
        }
        try (InputStream in = MaybeGzip.open(file)) {
            ByteBuffer header = header(file, in, 8, LABEL_MAGIC);
            int count = header.getInt(4);
            if (count < 0) {
                throw error(file, "header declares " + count + " labels", REFETCH);
            }
            byte[] labels = payload(file, in, count, count + " labels");
            for (int i = 0; i < labels.length; i++) {
                int label = labels[i] & 0xFF;
                if (label >= numClasses) {
                    throw error(file, "label " + label + " at index " + i + " is outside 0.." + (numClasses - 1),
                            "not a " + numClasses + "-class label file, or corrupt; " + REFETCH);
                }
            }
            return labels;
        } catch (IOException e) {
            throw ioError(file, e);
        }
    }

    private static ByteBuffer header(Path file, InputStream in, int length, int magic) throws IOException {
        return header(file, new byte[0], in, length, magic);
    }

    /** The header whose first bytes, {@code start}, have already been read. */
    private static ByteBuffer header(Path file, byte[] start, InputStream in, int length, int magic)
            throws IOException {
        byte[] rest = in.readNBytes(Math.max(0, length - start.length));
        byte[] bytes = new byte[start.length + rest.length];
        System.arraycopy(start, 0, bytes, 0, start.length);
        System.arraycopy(rest, 0, bytes, start.length, rest.length);
        String kind = kind(magic);
        Optional<String> problem = magicProblem(bytes, magic);
        if (problem.isPresent()) {
            throw error(file, problem.get(), bytes.length < 4 ? REFETCH : "check which file is given, or " + REFETCH);
        }
        if (bytes.length < length) {
            throw error(file, "truncated: " + bytes.length + " bytes, shorter than the " + length
                    + "-byte IDX " + kind + " header", REFETCH);
        }
        return ByteBuffer.wrap(bytes); // IDX is big-endian, as is ByteBuffer
    }

    /**
     * Only the magic number: {@code <file>: <problem>} when {@code file} does not start as an IDX
     * image ({@code images}) or label file, raw or gzipped; empty when it does.
     */
    public static Optional<String> magicProblem(Path file, boolean images) {
        try (InputStream in = MaybeGzip.open(file)) {
            return magicProblem(in.readNBytes(4), images ? IMAGE_MAGIC : LABEL_MAGIC).map(p -> file + ": " + p);
        } catch (IOException e) {
            return Optional.of(ioError(file, e).getMessage());
        }
    }

    private static Optional<String> magicProblem(byte[] bytes, int magic) {
        String kind = kind(magic);
        if (bytes.length < 4) {
            return Optional.of("truncated: " + bytes.length + " bytes, shorter than an IDX " + kind + " header");
        }
        int found = ByteBuffer.wrap(bytes).getInt(0);
        if (found == magic) {
            return Optional.empty();
        }
        String hint = found == IMAGE_MAGIC ? "; this is an IDX image file"
                : found == LABEL_MAGIC ? "; this is an IDX label file" : "";
        return Optional.of("not an IDX " + kind + " file: magic number " + found + ", expected " + magic + hint);
    }

    private static String kind(int magic) {
        return magic == LABEL_MAGIC ? "label" : "image";
    }

    /** Reads exactly {@code size} bytes and insists that nothing follows them. */
    private static byte[] payload(Path file, InputStream in, long size, String declared) throws IOException {
        if (size > MAX_PAYLOAD) {
            throw error(file, "header declares " + declared + " (" + size + " bytes), more than this reader supports",
                    "corrupt header? " + REFETCH);
        }
        // readNBytes grows its buffer as data arrives, so a lying header cannot force a huge allocation.
        byte[] data = in.readNBytes((int) size);
        if (data.length < size) {
            throw error(file, "truncated: header declares " + declared + " (" + size + " bytes after the header), found "
                    + data.length, REFETCH);
        }
        long extra = in.transferTo(OutputStream.nullOutputStream());
        if (extra > 0) {
            throw error(file, extra + " bytes beyond the " + declared + " the header declares",
                    "corrupt, or not an IDX file; " + REFETCH);
        }
        return data;
    }

    private static UserError ioError(Path file, IOException e) {
        if (e instanceof NoSuchFileException) {
            return error(file, "file not found", "check the path");
        }
        if (e instanceof AccessDeniedException) {
            return error(file, "permission denied", "make the file readable");
        }
        // Only the gzip layer throws these: a raw stream just ends.
        if (e instanceof ZipException || e instanceof EOFException) {
            return error(file, "corrupt or truncated gzip data (" + e.getMessage() + ")", REFETCH);
        }
        return error(file, "cannot read: " + e.getMessage(), "check the file and its disk");
    }

    private static UserError error(Path file, String problem, String whatToDo) {
        return UserError.runtime(file + ": " + problem + " (" + whatToDo + ")");
    }
}
