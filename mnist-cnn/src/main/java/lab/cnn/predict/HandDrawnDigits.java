package lab.cnn.predict;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Digits drawn with Java2D pen strokes, like a person with a thick pen on paper, at many sizes,
 * positions and aspect ratios, so that {@link DigitImage}'s steps all have work to do: invert,
 * crop, scale (up and down), recentre; one in colour and one light on dark.
 */
public final class HandDrawnDigits {
    public static final int SIZE = 200;

    private HandDrawnDigits() {
    }

    /**
     * One drawing: the digit, a name part saying what is special about it, where its box lies on
     * the 200x200 canvas, the pen width and the colours.
     */
    public record Drawing(int digit, String what, int x, int y, int width, int height, float pen, Color ink,
                          Color paper) {
        public String fileName() {
            return "drawn-" + digit + "-" + what + ".png";
        }
    }

    /** The examples: every digit once. */
    public static final List<Drawing> ALL = List.of(
            new Drawing(0, "large", 40, 20, 120, 160, 12, Color.BLACK, Color.WHITE),
            new Drawing(1, "tall-thin", 85, 20, 30, 160, 8, Color.BLACK, Color.WHITE),
            new Drawing(2, "centre", 60, 50, 80, 110, 10, Color.BLACK, Color.WHITE),
            new Drawing(3, "bottom-right", 115, 100, 65, 90, 8, Color.BLACK, Color.WHITE),
            new Drawing(4, "thick-pen", 30, 30, 140, 140, 20, Color.BLACK, Color.WHITE),
            new Drawing(5, "bottom-left", 15, 95, 60, 90, 7, Color.BLACK, Color.WHITE),
            new Drawing(6, "top", 70, 12, 65, 95, 9, Color.BLACK, Color.WHITE),
            new Drawing(7, "small-top-left", 12, 10, 45, 60, 5, Color.BLACK, Color.WHITE),
            new Drawing(8, "blue-on-yellow", 50, 35, 100, 135, 11, new Color(30, 60, 200), new Color(250, 240, 180)),
            new Drawing(9, "white-on-black", 45, 35, 105, 130, 10, Color.WHITE, Color.BLACK));

    public static BufferedImage draw(Drawing d) {
        BufferedImage image = new BufferedImage(SIZE, SIZE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(d.paper());
            g.fillRect(0, 0, SIZE, SIZE);
            g.setColor(d.ink());
            g.setStroke(new BasicStroke(d.pen(), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
            AffineTransform toBox = new AffineTransform(d.width(), 0, 0, d.height(), d.x(), d.y());
            for (Shape stroke : strokes(d.digit())) {
                g.draw(toBox.createTransformedShape(stroke)); // the pen keeps its width: transform the path only
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** The pen strokes of a digit in a unit box (x right, y down). */
    static List<Shape> strokes(int digit) {
        return switch (digit) {
            case 0 -> List.of(new Ellipse2D.Double(0.1, 0.05, 0.8, 0.9));
            case 1 -> List.of(path(0.2, 0.22).line(0.6, 0.03).line(0.6, 0.97).done());
            case 2 -> List.of(path(0.12, 0.25).curve(0.2, -0.05, 0.85, 0.0, 0.82, 0.3)
                    .curve(0.78, 0.55, 0.3, 0.7, 0.1, 0.95).line(0.92, 0.95).done());
            case 3 -> List.of(path(0.12, 0.15).curve(0.4, -0.05, 0.88, 0.05, 0.8, 0.25)
                    .curve(0.74, 0.45, 0.5, 0.48, 0.38, 0.48).curve(0.98, 0.5, 0.92, 0.97, 0.5, 0.96)
                    .curve(0.35, 0.96, 0.2, 0.9, 0.1, 0.8).done());
            case 4 -> List.of(path(0.68, 0.97).line(0.68, 0.03).line(0.08, 0.66).line(0.95, 0.66).done());
            case 5 -> List.of(path(0.85, 0.05).line(0.25, 0.05).line(0.2, 0.45).curve(0.5, 0.3, 0.92, 0.45, 0.86, 0.7)
                    .curve(0.8, 1.0, 0.3, 1.0, 0.12, 0.86).done());
            case 6 -> List.of(path(0.8, 0.04).curve(0.35, 0.06, 0.1, 0.4, 0.15, 0.72).done(),
                    new Ellipse2D.Double(0.15, 0.42, 0.7, 0.55));
            case 7 -> List.of(path(0.08, 0.06).line(0.92, 0.06).line(0.38, 0.97).done());
            case 8 -> List.of(new Ellipse2D.Double(0.22, 0.03, 0.56, 0.43), new Ellipse2D.Double(0.14, 0.46, 0.72, 0.5));
            case 9 -> List.of(new Ellipse2D.Double(0.18, 0.03, 0.64, 0.45),
                    path(0.82, 0.25).curve(0.84, 0.6, 0.72, 0.8, 0.55, 0.97).done());
            default -> throw new IllegalArgumentException("not a digit: " + digit);
        };
    }

    private static PathBuilder path(double x, double y) {
        return new PathBuilder(x, y);
    }

    /** Path2D with chaining, so that a digit reads as one expression. */
    private static final class PathBuilder {
        private final Path2D.Double path = new Path2D.Double();

        PathBuilder(double x, double y) {
            path.moveTo(x, y);
        }

        PathBuilder line(double x, double y) {
            path.lineTo(x, y);
            return this;
        }

        PathBuilder curve(double x1, double y1, double x2, double y2, double x3, double y3) {
            path.curveTo(x1, y1, x2, y2, x3, y3);
            return this;
        }

        Path2D done() {
            return path;
        }
    }
}
