package lab.mlp.plot;

import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import lab.core.io.AtomicFiles;

/** A looping GIF from frames, with javax.imageio's GIF writer, written atomically. */
public final class AnimatedGif {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";
    private static final String STREAM_FORMAT = "javax_imageio_gif_stream_1.0";

    private AnimatedGif() {
    }

    /**
     * @param frameDelay delay of every frame but the last, in hundredths of a second
     * @param lastDelay  delay of the last frame (a pause on the final state before looping)
     */
    public static void write(List<BufferedImage> frames, int frameDelay, int lastDelay, Path gif) {
        if (frames.isEmpty()) {
            throw new IllegalArgumentException("no frames for " + gif);
        }
        AtomicFiles.write(gif, out -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.prepareWriteSequence(streamMetadata(writer, frames.get(0)));
                for (int i = 0; i < frames.size(); i++) {
                    BufferedImage frame = frames.get(i);
                    int delay = i == frames.size() - 1 ? lastDelay : frameDelay;
                    writer.writeToSequence(new IIOImage(frame, null, metadata(writer, frame, delay, i == 0)), null);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    /**
     * The first frame's palette as the global colour table (all frames share it); the writer's
     * default is a web-safe table, in which indexed frames come out in the wrong colours.
     */
    private static IIOMetadata streamMetadata(ImageWriter writer, BufferedImage first) throws IOException {
        IIOMetadata meta = writer.getDefaultStreamMetadata(null);
        if (!(first.getColorModel() instanceof IndexColorModel palette)) {
            return meta;
        }
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(STREAM_FORMAT);
        IIOMetadataNode table = child(root, "GlobalColorTable");
        while (table.getFirstChild() != null) {
            table.removeChild(table.getFirstChild());
        }
        table.setAttribute("sizeOfGlobalColorTable", Integer.toString(palette.getMapSize()));
        table.setAttribute("backgroundColorIndex", "0");
        table.setAttribute("sortFlag", "FALSE");
        for (int i = 0; i < palette.getMapSize(); i++) {
            IIOMetadataNode entry = new IIOMetadataNode("ColorTableEntry");
            entry.setAttribute("index", Integer.toString(i));
            entry.setAttribute("red", Integer.toString(palette.getRed(i)));
            entry.setAttribute("green", Integer.toString(palette.getGreen(i)));
            entry.setAttribute("blue", Integer.toString(palette.getBlue(i)));
            table.appendChild(entry);
        }
        meta.setFromTree(STREAM_FORMAT, root);
        return meta;
    }

    /** Frame delay, and on the first frame the NETSCAPE2.0 extension that makes viewers loop forever. */
    private static IIOMetadata metadata(ImageWriter writer, BufferedImage frame, int delay, boolean first)
            throws IOException {
        IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        // The default metadata carries a web-safe local table that would override the frame's own
        // palette; without it the frame uses the global table (its palette, set above).
        for (int i = root.getLength() - 1; i >= 0; i--) {
            if (root.item(i).getNodeName().equals("LocalColorTable")) {
                root.removeChild(root.item(i));
            }
        }
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(delay));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[] {1, 0, 0}); // sub-block 1, loop count 0 = forever
            child(root, "ApplicationExtensions").appendChild(app);
        }
        meta.setFromTree(FORMAT, root);
        return meta;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) {
                return (IIOMetadataNode) root.item(i);
            }
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }
}
