package lab.cnn.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;

class ThreadProbeTest {
    private static ThreadProbe.Measurement m(int threads, double median) {
        return new ThreadProbe.Measurement(threads, median, median, 9);
    }

    @Test
    void candidatesAreOneHalfAndAllPhysicalCores() {
        assertEquals(List.of(1), ThreadProbe.candidates(1));
        assertEquals(List.of(1, 2), ThreadProbe.candidates(2));
        assertEquals(List.of(1, 3), ThreadProbe.candidates(3));
        assertEquals(List.of(1, 4, 8), ThreadProbe.candidates(8));
    }

    @Test
    void fewerThreadsWinWithinThreePercent() {
        assertEquals(2, ThreadProbe.pick(List.of(m(1, 100), m(2, 60)), ThreadProbe.TIE));
        assertEquals(1, ThreadProbe.pick(List.of(m(1, 100), m(2, 98)), ThreadProbe.TIE), "a 2% gain is a tie");
        assertEquals(1, ThreadProbe.pick(List.of(m(1, 60), m(2, 75)), ThreadProbe.TIE));
        assertEquals(4, ThreadProbe.pick(List.of(m(1, 100), m(4, 51), m(8, 50)), ThreadProbe.TIE));
    }

    @Test
    void measuresEveryCountAndKeepsTheFastest() {
        int[] current = {0};
        int[] steps = {0};
        Runnable step = () -> {
            steps[0]++;
            LockSupport.parkNanos(current[0] == 1 ? 12_000_000L : 3_000_000L); // 2 threads 4x faster
        };
        ThreadProbe.Result result = new ThreadProbe(2, 3, 2).run(step, List.of(1, 2), n -> current[0] = n);
        assertEquals(2, result.chosen(), result.summary());
        assertEquals(2 + 2 * (1 + 2) + 2 * 1 * (1 + 2), steps[0],
                "warm-up, round 1 for both counts (1 untimed + 2 timed each), then only the fast count: the slow "
                        + "one is more than twice as slow");
        assertEquals(2, result.measured().get(0).steps());
        assertEquals(6, result.measured().get(1).steps());
        assertTrue(result.summary().startsWith("ms/step median (best) over N steps: 1 thread "), result.summary());
        assertTrue(result.summary().contains("N=2, 2 threads "), result.summary());
        assertTrue(result.summary().endsWith("N=6; chose 2"), result.summary());
    }

    @Test
    void closeCountsAreAllMeasuredAndATieGoesToFewerThreads() {
        int[] current = {0};
        int[] steps = {0};
        Runnable step = () -> {
            steps[0]++;
            LockSupport.parkNanos(5_000_000L); // the same at every count
        };
        ThreadProbe.Result result = new ThreadProbe(1, 2, 3).run(step, List.of(1, 2), n -> current[0] = n);
        assertEquals(1 + 2 * 2 * (1 + 3), steps[0]);
        // parkNanos overshoots by whatever the machine's load makes it: only a clear gap changes the pick
        ThreadProbe.Measurement one = result.measured().get(0);
        ThreadProbe.Measurement two = result.measured().get(1);
        if (Math.abs(one.medianMs() - two.medianMs()) < 0.03 * Math.min(one.medianMs(), two.medianMs())) {
            assertEquals(1, result.chosen(), result.summary());
        }
    }

    @Test
    void oneCoreIsNotMeasured() {
        ThreadProbe.Result result = new ThreadProbe(2, 3, 2).run(() -> {
            throw new AssertionError("no step on one core");
        }, List.of(1), n -> { });
        assertEquals(1, result.chosen());
    }
}
