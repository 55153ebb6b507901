package lab.cnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.dataset.DataSet;

/** The real MNIST, only where it is already in the project cache ({@code data/mnist}): never fetches. */
class RealMnistTest {
    @Test
    void verifiedMnistLoadsWithTheAssignmentsSplit() {
        // Surefire runs in the module directory; the cache is at the project root.
        Path cache = Path.of("").toAbsolutePath().getParent().resolve("data").resolve("mnist");
        assumeTrue(IdxFileSet.find(cache).complete(), "no MNIST in " + cache);
        MnistFiles files = new MnistFiles(cache, new MnistFiles.Sources(null, "-", List.of()),
                dir -> fail("tests never fetch"), MnistChecksums.MNIST);

        MnistData data = MnistData.load(files.locate());

        assertEquals("train 55000, validation 5000, test 10000 images of 28x28, 10 classes", data.describe());
        assertEquals(5, data.train().label(0));
        assertEquals(7, data.test().label(0));
        DataSet first = ImageDataSetIterator.inOrder(data.train(), 50, 10).next();
        assertArrayEquals(new long[] {50, 784}, first.getFeatures().shape());
        assertEquals(1f, first.getLabels().getFloat(0, 5), 0f);
    }
}
