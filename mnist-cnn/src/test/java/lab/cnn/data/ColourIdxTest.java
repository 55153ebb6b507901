package lab.cnn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import lab.core.UserError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;

/** 4-dimensional IDX images (N x H x W x C) and their way into the network as channel planes. */
class ColourIdxTest {
    @TempDir
    Path tmp;

    /** Two 2x3 images of 3 channels; byte value = 100*image + 10*channel + pixel index. */
    private Path colourFile(int... dims) throws Exception {
        int count = dims[0];
        int pixels = dims[1] * dims[2] * dims[3];
        ByteBuffer buf = ByteBuffer.allocate(20 + count * pixels);
        buf.putInt(IdxFile.COLOUR_IMAGE_MAGIC);
        for (int d : dims) {
            buf.putInt(d);
        }
        for (int i = 0; i < count; i++) {
            for (int q = 0; q < dims[1] * dims[2]; q++) {
                for (int c = 0; c < dims[3]; c++) {
                    buf.put((byte) (100 * i + 10 * c + q));
                }
            }
        }
        Path file = tmp.resolve("images");
        Files.write(file, buf.array());
        return file;
    }

    @Test
    void readsCountHeightWidthChannels() throws Exception {
        IdxImages images = IdxFile.readImages(colourFile(2, 2, 3, 3));
        assertEquals(2, images.count());
        assertEquals(2, images.rows());
        assertEquals(3, images.cols());
        assertEquals(3, images.channels());
        assertEquals(18, images.pixelsPerImage());
    }

    @Test
    void theIteratorHandsOnChannelPlanes() throws Exception {
        IdxImages images = IdxFile.readImages(colourFile(2, 2, 3, 3));
        ImageSplit split = new ImageSplit("s", 2, 3, 3, images.pixels(), new byte[] {0, 1}, 0, 2);
        INDArray features = ImageDataSetIterator.inOrder(split, 2, 2).next().getFeatures();
        assertArrayEquals(new long[] {2, 18}, features.shape());
        // image 1, channel 2, pixel 4 (row 1, column 1): the 2*6 + 4 = 16th value of its row
        assertEquals((100 + 20 + 4) / 255f, features.getFloat(1, 16), 0f);
        assertEquals((10 + 5) / 255f, features.getFloat(0, 6 + 5), 0f);
    }

    @Test
    void channelsFirstLookingHeaderIsRefusedWithTheLayout() throws Exception {
        UserError e = assertThrows(UserError.class, () -> IdxFile.readImages(colourFile(1, 3, 8, 8)));
        assertTrue(e.getMessage().contains("looks like N x C x H x W")
                && e.getMessage().contains("this reader takes N x H x W x C"), e.getMessage());
    }

    @Test
    void geometryOfGreyDataIsMnists() throws Exception {
        Path dir = IdxTestFiles.dataset(tmp, 12, 4, false);
        MnistData data = MnistData.load(dir, 2, 10);
        assertEquals(new ImageGeometry(IdxTestFiles.ROWS, IdxTestFiles.COLS, 1, 10), data.geometry());
    }
}
