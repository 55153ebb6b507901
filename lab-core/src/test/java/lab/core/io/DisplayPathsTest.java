package lab.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DisplayPathsTest {
    @Test
    void insideTheProjectIsRelativeOutsideStaysAbsolute() {
        Path root = Path.of("/x/project");
        assertEquals("runs/adam-relu/model.zip", DisplayPaths.of(root, Path.of("/x/project/runs/adam-relu/model.zip")));
        assertEquals("data/mnist", DisplayPaths.of(root, Path.of("/x/project/runs/../data/mnist")));
        assertEquals(".", DisplayPaths.of(root, root));
        assertEquals("/x/projectile/data", DisplayPaths.of(root, Path.of("/x/projectile/data")));
        assertEquals("/srv/mnist", DisplayPaths.of(root, Path.of("/srv/mnist")));
    }
}
