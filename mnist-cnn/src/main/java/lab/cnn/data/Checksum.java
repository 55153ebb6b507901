package lab.cnn.data;

import java.util.Locale;

/** Expected size and SHA-256 (lower-case hex) of a file's content, after any gunzipping. */
public record Checksum(long size, String sha256) {
    public Checksum {
        if (size < 0 || !sha256.matches("[0-9a-fA-F]{64}")) {
            throw new IllegalArgumentException("bad checksum: " + size + " " + sha256);
        }
        sha256 = sha256.toLowerCase(Locale.ROOT);
    }
}
