package lab.cnn.report;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of the runs of one experiment trained with several seeds. The run with the experiment's
 * own seed keeps the experiment's name (so a single run and a seeded suite share it); every other
 * seed is {@code NAME-seedS}.
 */
public final class SeedRuns {
    private static final Pattern SEEDED = Pattern.compile("(.+)-seed(\\d+)");

    private SeedRuns() {
    }

    public static String runName(String experiment, long ownSeed, long seed) {
        return seed == ownSeed ? experiment : experiment + "-seed" + seed;
    }

    /** The seed of {@code run} if it is {@code experiment-seedS}, else -1. */
    public static long seedOf(String experiment, String run) {
        Matcher m = SEEDED.matcher(run);
        return m.matches() && m.group(1).equals(experiment) ? Long.parseLong(m.group(2)) : -1;
    }

    /** The experiment a run name belongs to: {@code adam-relu-seed2} belongs to {@code adam-relu}. */
    public static String experimentOf(String run) {
        Matcher m = SEEDED.matcher(run);
        return m.matches() ? m.group(1) : run;
    }
}
