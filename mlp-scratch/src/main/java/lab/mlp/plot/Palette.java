package lab.mlp.plot;

import java.awt.Color;

/** Class colours: strong for points, pale for the regions behind them. */
final class Palette {
    private static final Color[] STRONG = {
        new Color(0x1f77b4), new Color(0xd62728), new Color(0x2ca02c), new Color(0xff7f0e), new Color(0x9467bd),
        new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};

    private Palette() {
    }

    static Color strong(int k) {
        return STRONG[k % STRONG.length];
    }

    /** The class colour mixed 75% with white. */
    static Color pale(int k) {
        Color c = strong(k);
        return new Color(mix(c.getRed()), mix(c.getGreen()), mix(c.getBlue()));
    }

    private static int mix(int channel) {
        return (int) Math.round(channel * 0.25 + 255 * 0.75);
    }
}
