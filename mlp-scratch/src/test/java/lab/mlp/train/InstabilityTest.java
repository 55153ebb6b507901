package lab.mlp.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The unstable rule on made-up curves: loss above 1.5 x its best after reaching it. */
class InstabilityTest {

    /** Points at passes 0, 100, 200, ... with these losses. */
    static List<CurvePoint> curve(double... losses) {
        List<CurvePoint> points = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            points.add(new CurvePoint(100 * i, losses[i], 0.5));
        }
        return points;
    }

    @Test
    void steadilyFallingIsStable() {
        assertNull(Instability.judge(curve(0.7, 0.3, 0.1, 0.05)));
    }

    @Test
    void aSpikeBeforeTheBestIsNotCounted() {
        // Rises to 0.9 at pass 200, then falls below anything before: the final point is the best.
        assertNull(Instability.judge(curve(0.7, 0.1, 0.9, 0.05)));
    }

    @Test
    void riseToExactlyTheFactorIsStable() {
        assertNull(Instability.judge(curve(0.7, 0.1, 0.15, 0.12)));
    }

    @Test
    void theDeepW3L5Shape() {
        // best 0.035 at pass 200, 1.053 at pass 300, back to 0.077 at the end (2.2 x best).
        Instability i = Instability.judge(curve(0.7, 0.05, 0.035, 1.053, 0.2, 0.077));
        assertEquals(new Instability(0.035, 200, 300, 1.053, 300), i);
        assertEquals(1.053 / 0.035, i.ratio(), 0.0);
    }

    @Test
    void firstCrossingAndHighestPeakAreReportedApart() {
        Instability i = Instability.judge(curve(0.7, 0.1, 0.16, 0.4, 0.2));
        assertEquals(new Instability(0.1, 100, 200, 0.4, 300), i);
    }

    @Test
    void aLossThatStopsBeingFiniteAfterItsBestIsUnstable() {
        Instability i = Instability.judge(curve(0.7, 0.1, Double.NaN));
        assertEquals(new Instability(0.1, 100, 200, Double.POSITIVE_INFINITY, 200), i);
    }
}
