package lab.cnn.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import lab.cnn.train.TestPredictions;
import lab.core.UserError;
import lab.core.io.AtomicFiles;

/**
 * confusion.csv and mistakes.csv of a cnn run: the final test evaluation image by image, small
 * enough for results/ (10 rows; at most {@link #MISTAKES_KEPT} mistakes, most confident first).
 */
public final class PredictionCsv {
    public static final String CONFUSION = "confusion.csv";
    public static final String MISTAKES = "mistakes.csv";
    /** A poor run can make thousands of mistakes; the most confident ones are the interesting ones. */
    public static final int MISTAKES_KEPT = 100;
    static final int CLASSES = 10;

    private PredictionCsv() {
    }

    /** Header {@code true,pred_0,...,pred_9}, one row per true class. */
    public static void writeConfusion(long[][] confusion, Path file) {
        StringBuilder csv = new StringBuilder("true");
        for (int c = 0; c < confusion.length; c++) {
            csv.append(",pred_").append(c);
        }
        csv.append('\n');
        for (int t = 0; t < confusion.length; t++) {
            csv.append(t);
            for (long count : confusion[t]) {
                csv.append(',').append(count);
            }
            csv.append('\n');
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    /** The 10x10 matrix (every dataset here has 10 classes). */
    public static long[][] readConfusion(Path file) {
        int n = CLASSES;
        String[] columns = new String[n + 1];
        columns[0] = "true";
        for (int c = 0; c < n; c++) {
            columns[c + 1] = "pred_" + c;
        }
        Csv csv = Csv.read(file, columns);
        if (csv.size() != n) {
            throw UserError.runtime(file + ": " + csv.size() + " rows, expected one per class (" + n + ")");
        }
        long[][] confusion = new long[n][n];
        for (int r = 0; r < n; r++) {
            if (csv.integer(r, "true") != r) {
                throw csv.error(r, "expected the row of class " + r);
            }
            for (int c = 0; c < n; c++) {
                confusion[r][c] = csv.integer(r, "pred_" + c);
            }
        }
        return confusion;
    }

    /** Header {@code test_index,true,predicted,probability}: the first {@link #MISTAKES_KEPT} of {@code mistakes}. */
    public static void writeMistakes(List<TestPredictions.Mistake> mistakes, Path file) {
        StringBuilder csv = new StringBuilder("test_index,true,predicted,probability\n");
        for (TestPredictions.Mistake m : mistakes.subList(0, Math.min(MISTAKES_KEPT, mistakes.size()))) {
            csv.append(String.format(Locale.ROOT, "%d,%d,%d,%.6f%n", m.index(), m.label(), m.predicted(),
                    m.probability()));
        }
        AtomicFiles.writeString(file, csv.toString());
    }

    public static List<TestPredictions.Mistake> readMistakes(Path file) {
        Csv csv = Csv.read(file, "test_index", "true", "predicted", "probability");
        List<TestPredictions.Mistake> mistakes = new ArrayList<>(csv.size());
        for (int r = 0; r < csv.size(); r++) {
            mistakes.add(new TestPredictions.Mistake((int) csv.integer(r, "test_index"), (int) csv.integer(r, "true"),
                    (int) csv.integer(r, "predicted"), csv.number(r, "probability")));
        }
        return mistakes;
    }
}
