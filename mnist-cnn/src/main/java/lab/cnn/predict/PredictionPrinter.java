package lab.cnn.predict;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The lines {@code predict} prints: one per image, names padded to one width so the digits line
 * up ({@code examples/seven.png  7  99.2%  1   0.5%  2   0.1%}), an IDX image's label after its
 * guesses, and a summary line per IDX file.
 */
public final class PredictionPrinter {
    private final int top;
    private final List<String[]> rows = new ArrayList<>();

    public PredictionPrinter(int top) {
        this.top = top;
    }

    /** One image: its name, class probabilities and label (-1: none). */
    public void add(String name, float[] probabilities, int label) {
        StringBuilder guesses = new StringBuilder();
        List<Ranked> ranked = Ranked.top(probabilities, top);
        for (Ranked r : ranked) {
            guesses.append(String.format(Locale.ROOT, "  %d %5.1f%%", r.digit(), 100 * r.probability()));
        }
        if (label >= 0) {
            guesses.append("  label ").append(label).append(ranked.get(0).digit() == label ? "" : "  WRONG");
        }
        rows.add(new String[] {name, guesses.toString()});
    }

    /** A line of its own (an IDX file's summary), printed after the rows added before it. */
    public void note(String line) {
        rows.add(new String[] {line});
    }

    public void print(PrintStream out) {
        int width = rows.stream().filter(r -> r.length == 2).mapToInt(r -> r[0].length()).max().orElse(0);
        for (String[] row : rows) {
            out.println(row.length == 1 ? row[0] : pad(row[0], width) + row[1]);
        }
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(width - s.length());
    }

    /** E.g. {@code t10k-images-idx3-ubyte: first 100 of 10000 images, accuracy 99.00% (1 wrong) against t10k-labels-idx1-ubyte}. */
    public static String summary(DigitInputs.IdxSet set, int correct) {
        int n = set.images().size();
        String count = n == set.total() ? n + " images" : "first " + n + " of " + set.total() + " images";
        if (set.labels() == null) {
            return set.path() + ": " + count + " (no labels file beside it: --labels FILE gives the accuracy)";
        }
        return String.format(Locale.ROOT, "%s: %s, accuracy %.2f%% (%d wrong) against %s", set.path(), count,
                n == 0 ? 0.0 : 100.0 * correct / n, n - correct, set.labelsFile());
    }
}
