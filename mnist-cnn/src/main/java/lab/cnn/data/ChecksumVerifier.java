package lab.cnn.data;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * Checks every file of a set against its expected size and SHA-256. For a gzipped copy the
 * decompressed bytes are checked, since that is what gets loaded.
 */
final class ChecksumVerifier {
    private final Map<IdxPart, Checksum> expected;
    private final VerificationStamps stamps;

    ChecksumVerifier(Map<IdxPart, Checksum> expected, VerificationStamps stamps) {
        this.expected = Map.copyOf(expected);
        this.stamps = stamps;
    }

    /**
     * The first problem found, as {@code <path>: <problem>}, or empty when every file matches. A
     * wrong magic number is named as such (a wrong file, not just a corrupt one) before sizes.
     */
    Optional<String> problem(IdxFileSet files) {
        for (IdxPart part : IdxPart.values()) {
            Optional<String> problem = IdxFile.magicProblem(files.path(part), part.isImages());
            if (problem.isEmpty()) {
                problem = problem(files.path(part), expected.get(part));
            }
            if (problem.isPresent()) {
                return problem;
            }
        }
        return Optional.empty();
    }

    Optional<String> problem(Path file, Checksum want) {
        try {
            // Read before hashing: if the file changes meanwhile, the stamp will not match it.
            VerificationStamps.FileState state = VerificationStamps.FileState.of(file);
            if (stamps.isVerified(file, state, want)) {
                return Optional.empty();
            }
            boolean gzip = MaybeGzip.isGzip(file);
            if (!gzip && state.size() != want.size()) {
                return Optional.of(file + ": " + (state.size() < want.size() ? "truncated: " : "") + state.size()
                        + " bytes, expected " + want.size());
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new DigestInputStream(MaybeGzip.open(file), sha)) {
                size = in.transferTo(OutputStream.nullOutputStream());
            }
            if (size != want.size()) {
                return Optional.of(file + ": decompresses to " + size + " bytes, expected " + want.size());
            }
            String got = HexFormat.of().formatHex(sha.digest());
            if (!got.equals(want.sha256())) {
                return Optional.of(file + ": SHA-256 " + (gzip ? "of the decompressed bytes " : "") + got
                        + ", expected " + want.sha256());
            }
            stamps.record(file, state, want);
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of(file + ": cannot read: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
