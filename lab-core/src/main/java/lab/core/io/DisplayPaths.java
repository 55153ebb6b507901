package lab.core.io;

import java.nio.file.Path;

/**
 * Paths as results record them: relative to the project when inside it, so that committed files
 * name no machine's directories ({@code runs/adam-relu/model.zip}, {@code data/mnist}).
 */
public final class DisplayPaths {
    private DisplayPaths() {
    }

    /** {@code path} relative to {@code base} when it lies under it (with '/' separators), else absolute. */
    public static String of(Path base, Path path) {
        Path b = base.toAbsolutePath().normalize();
        Path p = path.toAbsolutePath().normalize();
        if (!p.startsWith(b)) {
            return p.toString();
        }
        String relative = b.relativize(p).toString().replace('\\', '/');
        return relative.isEmpty() ? "." : relative;
    }
}
