package lab.core.io;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The directories on the way to a path that do not exist yet: what a check or a lock creates,
 * so that it can remove them again when nothing was written into them.
 */
final class MissingDirectories {
    private final List<Path> innermostFirst;

    private MissingDirectories(List<Path> innermostFirst) {
        this.innermostFirst = innermostFirst;
    }

    static MissingDirectories on(Path dir) {
        List<Path> missing = new ArrayList<>();
        for (Path p = dir.toAbsolutePath().normalize(); p != null && !Files.exists(p); p = p.getParent()) {
            missing.add(p);
        }
        return new MissingDirectories(missing);
    }

    boolean any() {
        return !innermostFirst.isEmpty();
    }

    /** Creates them, outermost first. */
    void create() throws IOException {
        for (int i = innermostFirst.size() - 1; i >= 0; i--) {
            Files.createDirectory(innermostFirst.get(i));
        }
    }

    /** Removes them, innermost first, as far as they are empty. */
    void removeEmpty() {
        for (Path p : innermostFirst) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException notEmpty) {
                return; // something was written there (or it is gone): leave it and what contains it
            }
        }
    }
}
