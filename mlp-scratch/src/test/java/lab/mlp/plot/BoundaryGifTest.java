package lab.mlp.plot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageInputStream;
import lab.mlp.data.Dataset;
import lab.mlp.data.ToyData;
import lab.mlp.model.Activation;
import lab.mlp.model.NLayerNetwork;
import lab.mlp.train.GradientScale;
import lab.mlp.train.Trainer;
import lab.mlp.train.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Node;

/** boundary.gif: one frame per listener call, looping forever, readable by ImageIO. */
class BoundaryGifTest {

    @Test
    void gifHasOneFramePerCallAndLoopsForever(@TempDir Path dir) throws Exception {
        Dataset data = ToyData.moons(80, 0.2, 0);
        BoundaryFrames frames = new BoundaryFrames(50);
        new Trainer(new TrainingConfig(0.01, 0.01, 200, GradientScale.SUM, 0, 0, 100), null, List.of(frames))
                .train(new NLayerNetwork(new int[] {2, 5, 2}, Activation.TANH, 0.01, data.size(), 0), data);
        assertEquals(5, frames.frameCount()); // passes 0, 50, 100, 150, 200
        Path gif = dir.resolve("boundary.gif");
        frames.writeGif(gif);
        try (Stream s = new Stream(gif)) {
            ImageReader reader = s.reader;
            assertEquals(5, reader.getNumImages(true));
            BufferedImage first = reader.read(0);
            assertEquals(DecisionBoundaryChart.GRID, first.getWidth());
            assertEquals(DecisionBoundaryChart.GRID + BoundaryFrame.CAPTION, first.getHeight());
            int corner = first.getRGB(0, 0); // a region colour, not the writer's default palette
            assertTrue(corner == Palette.pale(0).getRGB() || corner == Palette.pale(1).getRGB(),
                    Integer.toHexString(corner));
            assertEquals(0xffffffff, first.getRGB(DecisionBoundaryChart.GRID - 1, DecisionBoundaryChart.GRID + 1),
                    "white caption strip");
            IIOMetadataNode root0 = (IIOMetadataNode) reader.getImageMetadata(0).getAsTree("javax_imageio_gif_image_1.0");
            Node app = find(root0, "ApplicationExtension");
            assertEquals("NETSCAPE", app.getAttributes().getNamedItem("applicationID").getNodeValue());
            byte[] loop = (byte[]) ((IIOMetadataNode) app).getUserObject();
            assertEquals(1, loop[0]);
            assertEquals(0, (loop[1] & 0xff) | (loop[2] & 0xff) << 8, "loop count 0 = forever");
            assertEquals(String.valueOf(BoundaryFrames.FRAME_DELAY), delay(reader, 0));
            assertEquals(String.valueOf(BoundaryFrames.LAST_DELAY), delay(reader, 4));
        }
        assertTrue(Files.size(gif) < 100_000, "a few KB per frame: " + Files.size(gif));
        try (var listing = Files.list(dir)) {
            assertEquals(List.of(gif), listing.toList(), "no temporary file left behind");
        }
    }

    private static String delay(ImageReader reader, int frame) throws Exception {
        IIOMetadataNode root = (IIOMetadataNode) reader.getImageMetadata(frame).getAsTree("javax_imageio_gif_image_1.0");
        return find(root, "GraphicControlExtension").getAttributes().getNamedItem("delayTime").getNodeValue();
    }

    private static Node find(Node node, String name) {
        if (node.getNodeName().equals(name)) {
            return node;
        }
        for (Node c = node.getFirstChild(); c != null; c = c.getNextSibling()) {
            Node hit = find(c, name);
            if (hit != null) {
                return hit;
            }
        }
        return null;
    }

    /** An ImageIO GIF reader over a file, closed together. */
    private static final class Stream implements AutoCloseable {
        final ImageInputStream in;
        final ImageReader reader;

        Stream(Path file) throws Exception {
            in = ImageIO.createImageInputStream(file.toFile());
            reader = ImageIO.getImageReadersByFormatName("gif").next();
            reader.setInput(in);
        }

        @Override
        public void close() throws Exception {
            reader.dispose();
            in.close();
        }
    }
}
