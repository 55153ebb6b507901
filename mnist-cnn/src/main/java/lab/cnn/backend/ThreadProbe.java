package lab.cnn.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

/**
 * Times training steps at a few native thread counts and picks the fastest, fewer threads on a
 * tie. Counts are tried in interleaved rounds (1, N, N, 1, 1, N, ...), each round re-applying the
 * count and taking one untimed step before its timed ones, so a change in the machine's load
 * during the probe hits every count alike; a count more than twice as slow as the fastest after
 * a round is not measured further. A count's time is the median of its timed steps: on a shared
 * machine the median tracks what training will see, where the best-of would reward a count for a
 * lucky moment with the other cores idle. Its best step is reported too.
 */
final class ThreadProbe {
    /** Times within this fraction of the fastest tie; the fewest threads among them win. */
    static final double TIE = 0.03;

    record Measurement(int threads, double medianMs, double bestMs, int steps) {
    }

    record Result(int chosen, List<Measurement> measured, String summary) {
    }

    private final int warmup;
    private final int rounds;
    private final int stepsPerRound;

    ThreadProbe(int warmup, int rounds, int stepsPerRound) {
        this.warmup = warmup;
        this.rounds = rounds;
        this.stepsPerRound = stepsPerRound;
    }

    /** 1, half the physical cores (from 4 up), the physical cores. */
    static List<Integer> candidates(int physicalCores) {
        TreeSet<Integer> counts = new TreeSet<>();
        counts.add(1);
        if (physicalCores >= 4) {
            counts.add(physicalCores / 2);
        }
        counts.add(Math.max(1, physicalCores));
        return List.copyOf(counts);
    }

    Result run(Runnable step, List<Integer> candidates, IntConsumer setThreads) {
        if (candidates.size() == 1) {
            int only = candidates.get(0);
            return new Result(only, List.of(), "only " + threads(only) + " to use");
        }
        setThreads.accept(candidates.get(0));
        for (int i = 0; i < warmup; i++) {
            step.run(); // JIT, workspaces, oneDNN primitives
        }
        List<List<Double>> times = new ArrayList<>();
        boolean[] dropped = new boolean[candidates.size()];
        for (int c = 0; c < candidates.size(); c++) {
            times.add(new ArrayList<>());
        }
        for (int r = 0; r < rounds; r++) {
            for (int k = 0; k < candidates.size(); k++) {
                int c = r % 2 == 0 ? k : candidates.size() - 1 - k;
                if (dropped[c]) {
                    continue;
                }
                setThreads.accept(candidates.get(c));
                step.run(); // the new count's first step: the OpenMP pool resizes
                for (int s = 0; s < stepsPerRound; s++) {
                    long t0 = System.nanoTime();
                    step.run();
                    times.get(c).add((System.nanoTime() - t0) / 1e6);
                }
            }
            // a count at more than twice the fastest median cannot win: spend no more steps on it
            double fastest = Double.MAX_VALUE;
            for (int c = 0; c < candidates.size(); c++) {
                if (!dropped[c]) {
                    fastest = Math.min(fastest, median(times.get(c)));
                }
            }
            for (int c = 0; c < candidates.size(); c++) {
                dropped[c] |= median(times.get(c)) > DROP * fastest;
            }
        }
        List<Measurement> measured = new ArrayList<>();
        for (int c = 0; c < candidates.size(); c++) {
            List<Double> t = times.get(c);
            measured.add(new Measurement(candidates.get(c), median(t), t.stream().mapToDouble(d -> d).min().orElseThrow(),
                    t.size()));
        }
        int chosen = pick(measured, TIE);
        return new Result(chosen, measured, summary(measured, chosen));
    }

    /** A count whose median exceeds the fastest by this factor is dropped after a round. */
    static final double DROP = 2.0;

    static double median(List<Double> values) {
        double[] t = values.stream().mapToDouble(d -> d).sorted().toArray();
        return t.length % 2 == 1 ? t[t.length / 2] : (t[t.length / 2 - 1] + t[t.length / 2]) / 2;
    }

    /** The fewest threads whose median is within {@code tie} of the fastest median. */
    static int pick(List<Measurement> measured, double tie) {
        double fastest = measured.stream().mapToDouble(Measurement::medianMs).min().orElseThrow();
        return measured.stream().filter(m -> m.medianMs() <= fastest * (1 + tie)).mapToInt(Measurement::threads)
                .min().orElseThrow();
    }

    static String summary(List<Measurement> measured, int chosen) {
        return "ms/step median (best) over N steps: " + measured.stream()
                .map(m -> String.format(Locale.ROOT, "%s %.1f (%.1f) N=%d", threads(m.threads()), m.medianMs(),
                        m.bestMs(), m.steps()))
                .collect(Collectors.joining(", ")) + "; chose " + chosen;
    }

    static String threads(int n) {
        return n + (n == 1 ? " thread" : " threads");
    }
}
