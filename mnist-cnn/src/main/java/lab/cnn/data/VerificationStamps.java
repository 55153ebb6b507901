package lab.cnn.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lab.core.UserError;
import lab.core.io.AtomicFiles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers which files were already hashed, so repeat runs do not re-hash 55 MB each time. A
 * file counts as verified only while its size, modification time and file key (inode) are those
 * seen just before it was hashed: any rewrite, truncation or replacement means hashing again.
 * A file modified within {@link #RACY_MILLIS} of being hashed gets no stamp (git's "racy clean"
 * rule): file times are coarse, and a same-size rewrite within one tick would go unnoticed.
 * All stamps live in one small text file in the project cache, never in someone else's directory.
 * The stamp file is a convenience: failing to read or write it only costs a re-hash.
 */
final class VerificationStamps {
    private static final Logger log = LoggerFactory.getLogger(VerificationStamps.class);

    static final long RACY_MILLIS = 2_000;

    private final Path stampFile;

    VerificationStamps(Path stampFile) {
        this.stampFile = stampFile;
    }

    /** What identifies one state of a file on disk, and when it was seen. */
    record FileState(long size, long modifiedMillis, String key, long seenMillis) {
        static FileState of(Path file) throws IOException {
            long now = System.currentTimeMillis();
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class);
            Object key = attrs.fileKey();
            return new FileState(attrs.size(), attrs.lastModifiedTime().toMillis(), key == null ? "-" : key.toString(),
                    now);
        }
    }

    boolean isVerified(Path file, FileState now, Checksum expected) {
        String line = read().get(file.toAbsolutePath().normalize().toString());
        return line != null && line.equals(entry(now, expected));
    }

    void record(Path file, FileState hashed, Checksum expected) {
        if (hashed.modifiedMillis() > hashed.seenMillis() - RACY_MILLIS) {
            return; // too fresh to vouch for: the next run hashes it again and stamps it then
        }
        Map<String, String> entries = read();
        entries.put(file.toAbsolutePath().normalize().toString(), entry(hashed, expected));
        StringBuilder text = new StringBuilder("# files whose SHA-256 was checked: sha256, size, mtime ms, file key, path\n");
        entries.forEach((path, entry) -> text.append(entry).append('\t').append(path).append('\n'));
        try {
            AtomicFiles.writeString(stampFile, text.toString());
        } catch (UserError e) {
            log.debug("cannot record verification in {}: {}", stampFile, e.getMessage());
        }
    }

    private static String entry(FileState state, Checksum expected) {
        return expected.sha256() + '\t' + state.size() + '\t' + state.modifiedMillis() + '\t' + state.key();
    }

    /** Path to the entry without its path; the path is the last field because it may contain anything. */
    private Map<String, String> read() {
        Map<String, String> entries = new LinkedHashMap<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(stampFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return entries;
        } catch (IOException e) {
            log.debug("cannot read {}: {}", stampFile, e.getMessage());
            return entries;
        }
        for (String line : lines) {
            String[] fields = line.split("\t", 5);
            if (!line.startsWith("#") && fields.length == 5) {
                entries.put(fields[4], String.join("\t", fields[0], fields[1], fields[2], fields[3]));
            }
        }
        return entries;
    }
}
