package lab.cnn.predict;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.image.BufferedImage;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** {@link DigitImage} on small synthetic pictures whose right answer is known exactly. */
class DigitImageTest {

    static BufferedImage picture(int w, int h, Color paper, Color ink, Consumer<Graphics2D> draw) {
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(paper);
        g.fillRect(0, 0, w, h);
        g.setColor(ink);
        draw.accept(g);
        g.dispose();
        return image;
    }

    /** {xMin, yMin, xMax, yMax} of the non-zero pixels of a 28x28 input. */
    static int[] box(float[] v) {
        int[] b = {28, 28, -1, -1};
        for (int i = 0; i < v.length; i++) {
            if (v[i] > 0) {
                b[0] = Math.min(b[0], i % 28);
                b[1] = Math.min(b[1], i / 28);
                b[2] = Math.max(b[2], i % 28);
                b[3] = Math.max(b[3], i / 28);
            }
        }
        return b;
    }

    @Test
    void aDigitAnywhereOnTheCanvasEndsWithItsCentreOfMassAtFourteenFourteen() {
        int[][] places = {{5, 5, 40, 70}, {150, 120, 45, 75}, {60, 10, 120, 180}, {0, 0, 12, 30}};
        for (int[] at : places) {
            BufferedImage image = picture(200, 200, Color.WHITE, Color.BLACK, g -> {
                g.setStroke(new BasicStroke(6));
                g.draw(new Ellipse2D.Double(at[0] + 3, at[1] + 3, at[2] - 6, at[3] - 6));
                g.drawLine(at[0] + at[2] / 2, at[1] + 3, at[0] + at[2] - 3, at[1] + at[3] / 3); // lopsided on purpose
            });
            float[] input = DigitImage.prepare(image).orElseThrow();
            assertEquals(784, input.length);
            double[] com = DigitImage.centreOfMass(input, 28);
            assertEquals(14.0, com[0], 0.5, "x of the centre of mass, digit at " + at[0] + "," + at[1]);
            assertEquals(14.0, com[1], 0.5, "y of the centre of mass, digit at " + at[0] + "," + at[1]);
        }
    }

    @Test
    void theLongerSideBecomesTwentyPixelsAndTheAspectRatioIsKept() {
        // A solid 30 x 90 bar: 20 px tall, 20 * 30 / 90 = 6.67 -> 7 px wide.
        BufferedImage tall = picture(200, 200, Color.WHITE, Color.BLACK, g -> g.fillRect(50, 60, 30, 90));
        int[] b = box(DigitImage.prepare(tall).orElseThrow());
        assertEquals(20, b[3] - b[1] + 1, "height");
        assertEquals(7, b[2] - b[0] + 1, "width");
        // The same bar lying down: 20 wide, 7 high. A small one (6 x 3) is scaled up to 20 x 10.
        BufferedImage wide = picture(200, 200, Color.WHITE, Color.BLACK, g -> g.fillRect(10, 20, 90, 30));
        b = box(DigitImage.prepare(wide).orElseThrow());
        assertEquals(20, b[2] - b[0] + 1);
        assertEquals(7, b[3] - b[1] + 1);
        BufferedImage small = picture(40, 40, Color.WHITE, Color.BLACK, g -> g.fillRect(17, 18, 6, 3));
        b = box(DigitImage.prepare(small).orElseThrow());
        assertEquals(20, b[2] - b[0] + 1);
        assertEquals(10, b[3] - b[1] + 1);
    }

    @Test
    void darkInkOnLightPaperIsInvertedIntoMnistsLightOnBlack() {
        BufferedImage dark = picture(60, 60, Color.WHITE, Color.BLACK, g -> g.fillRect(20, 10, 10, 40));
        BufferedImage light = picture(60, 60, Color.BLACK, Color.WHITE, g -> g.fillRect(20, 10, 10, 40));
        assertTrue(DigitImage.lightBackground(DigitImage.grey(dark)));
        assertFalse(DigitImage.lightBackground(DigitImage.grey(light)));
        float[] a = DigitImage.prepare(dark).orElseThrow();
        float[] b = DigitImage.prepare(light).orElseThrow();
        assertArrayEquals(b, a, "the same digit either way round");
        assertEquals(0f, a[0], "background is 0");
        assertEquals(1f, a[14 * 28 + 14], 1e-6f, "the middle of the bar is full ink");
        // Grey paper and grey ink: the background level is removed and the contrast stretched.
        BufferedImage faint = picture(60, 60, new Color(200, 200, 200), new Color(120, 120, 120),
                g -> g.fillRect(20, 10, 10, 40));
        assertArrayEquals(a, DigitImage.prepare(faint).orElseThrow(), 1e-6f);
    }

    @Test
    void colourBecomesLuminance() {
        BufferedImage rgb = new BufferedImage(3, 1, BufferedImage.TYPE_INT_RGB);
        rgb.setRGB(0, 0, 0xff0000);
        rgb.setRGB(1, 0, 0x00ff00);
        rgb.setRGB(2, 0, 0x0000ff);
        assertArrayEquals(new float[] {0.299f, 0.587f, 0.114f}, DigitImage.grey(rgb).values(), 1e-6f);
        // A blue digit on yellow paper gives what the same digit gives in the greys of those colours.
        Color paper = new Color(250, 240, 180);
        Color ink = new Color(30, 60, 200);
        // Axis-aligned shapes: no anti-aliased edge pixels whose rounding could move the ink's box.
        Consumer<Graphics2D> digit = g -> {
            g.fillRect(20, 10, 30, 8);
            g.fillRect(42, 10, 8, 55);
        };
        BufferedImage colour = picture(80, 80, paper, ink, digit);
        BufferedImage grey = picture(80, 80, greyOf(paper), greyOf(ink), digit);
        assertArrayEquals(DigitImage.prepare(grey).orElseThrow(), DigitImage.prepare(colour).orElseThrow(), 0.02f);
    }

    private static Color greyOf(Color c) {
        int l = (int) Math.round(0.299 * c.getRed() + 0.587 * c.getGreen() + 0.114 * c.getBlue());
        return new Color(l, l, l);
    }

    @Test
    void greyPicturesKeepTheirOwnValues() {
        // getRGB on a grey image converts linear grey to sRGB (128 -> 186): MNIST PNGs must not change.
        BufferedImage grey = new BufferedImage(2, 1, BufferedImage.TYPE_BYTE_GRAY);
        grey.getRaster().setSample(0, 0, 0, 128);
        grey.getRaster().setSample(1, 0, 0, 255);
        assertArrayEquals(new float[] {128 / 255f, 1f}, DigitImage.grey(grey).values(), 1e-6f);
    }

    @Test
    void transparentPixelsArePaper() {
        BufferedImage argb = new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB);
        argb.setRGB(0, 0, 0x00000000); // fully transparent black
        assertEquals(1f, DigitImage.grey(argb).values()[0], 1e-6f);
    }

    @Test
    void aBlankPictureHasNoDigit() {
        assertTrue(DigitImage.prepare(picture(50, 50, Color.WHITE, Color.WHITE, g -> { })).isEmpty());
        assertTrue(DigitImage.prepare(picture(50, 50, Color.BLACK, Color.BLACK, g -> { })).isEmpty());
    }

    @Test
    void anMnistStyleDigitComesBackUnchanged() {
        // 20 px tall, centre of mass (14, 14.2): what an MNIST test image is made of.
        byte[] pixels = new byte[784];
        for (int y = 4; y < 24; y++) {
            for (int x = 12; x < 17; x++) {
                pixels[y * 28 + x] = (byte) 255;
            }
        }
        for (int x = 8; x <= 20; x++) {
            pixels[23 * 28 + x] = (byte) 255; // a foot, so that the centre is not half-way between pixels
        }
        BufferedImage png = DigitImage.toImage(pixels, 0);
        assertArrayEquals(DigitImage.fromIdx(pixels, 0), DigitImage.prepare(png).orElseThrow());
    }
}
