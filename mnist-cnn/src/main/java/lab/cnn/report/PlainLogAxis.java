package lab.cnn.report;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.Tick;
import org.jfree.chart.axis.TickType;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.Range;

/**
 * A base-10 {@link LogAxis} whose ticks sit at 1, 2, 5 (or 1..9) times powers of ten and are
 * labelled as plain numbers (0.2, 0.5, 1, 2), rather than LogAxis's 10^0.3-style exponents.
 */
final class PlainLogAxis extends LogAxis {
    private static final long serialVersionUID = 1L;
    private static final DecimalFormatSymbols ROOT = DecimalFormatSymbols.getInstance(Locale.ROOT);

    PlainLogAxis(String label) {
        super(label);
        setSmallestValue(1e-8);
    }

    static String format(double v) {
        double a = Math.abs(v);
        return (a >= 1e-4 && a < 1e6 ? new DecimalFormat("0.#####", ROOT) : new DecimalFormat("0E0", ROOT)).format(v);
    }

    /** Tick values in [lo, hi]: whole decades for wide ranges, 1-2-5 for medium, 1..9 for narrow ones. */
    static List<Double> tickValues(double lo, double hi) {
        List<Double> values = new ArrayList<>();
        if (!(lo > 0) || !(hi > lo)) {
            return values;
        }
        double decades = Math.log10(hi / lo);
        int[] multipliers = decades > 4 ? new int[] {1} : decades > 1.5 ? new int[] {1, 2, 5}
                : new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9};
        for (int k = (int) Math.floor(Math.log10(lo)); k <= (int) Math.ceil(Math.log10(hi)); k++) {
            for (int m : multipliers) {
                double v = m * Math.pow(10, k);
                if (v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9)) {
                    values.add(v);
                }
            }
        }
        return values;
    }

    @Override
    @SuppressWarnings({"rawtypes", "unchecked"})
    public List refreshTicks(Graphics2D g2, AxisState state, Rectangle2D dataArea, RectangleEdge edge) {
        Range range = getRange();
        List<Double> values = tickValues(range.getLowerBound(), range.getUpperBound());
        if (values.size() < 2) {
            return super.refreshTicks(g2, state, dataArea, edge);
        }
        TextAnchor anchor = edge == RectangleEdge.LEFT ? TextAnchor.CENTER_RIGHT
                : edge == RectangleEdge.RIGHT ? TextAnchor.CENTER_LEFT
                : edge == RectangleEdge.TOP ? TextAnchor.BOTTOM_CENTER : TextAnchor.TOP_CENTER;
        List<Tick> ticks = new ArrayList<>();
        for (double v : values) {
            ticks.add(new NumberTick(TickType.MAJOR, v, format(v), anchor, anchor, 0));
        }
        return ticks;
    }
}
