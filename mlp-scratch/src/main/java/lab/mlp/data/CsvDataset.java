package lab.mlp.data;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import lab.core.UserError;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Any CSV file as a dataset: a header row, numeric feature columns, and an integer class label
 * in the last column. Labels may be any integers; they are mapped to 0..k-1 in sorted order.
 * Every problem is reported as {@code file:line: problem}.
 */
public final class CsvDataset {
    private CsvDataset() {
    }

    public static Dataset load(Path file) {
        CSVFormat format = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setCommentMarker('#').get();
        try (Reader reader = Files.newBufferedReader(file); CSVParser parser = CSVParser.parse(reader, format)) {
            List<double[]> rows = new ArrayList<>();
            List<Integer> rawLabels = new ArrayList<>();
            int columns = -1;
            for (CSVRecord record : parser) {
                long line = parser.getCurrentLineNumber();
                if (record.size() == 1 && record.get(0).isEmpty()) {
                    continue; // blank line
                }
                if (columns < 0) {
                    columns = record.size();
                    if (columns < 2) {
                        throw error(file, line, "header has " + columns
                                + " column; need at least one feature column and a label column");
                    }
                    continue; // the header itself
                }
                if (record.size() != columns) {
                    throw error(file, line, "expected " + columns + " columns as in the header, found " + record.size());
                }
                double[] features = new double[columns - 1];
                for (int c = 0; c < columns - 1; c++) {
                    features[c] = number(file, line, c + 1, record.get(c));
                }
                rawLabels.add(label(file, line, columns, record.get(columns - 1)));
                rows.add(features);
            }
            if (columns < 0) {
                throw UserError.runtime(file + ": empty file (expected a header row and data rows)");
            }
            if (rows.isEmpty()) {
                throw UserError.runtime(file + ": no data rows after the header");
            }
            return build(file, columns - 1, rows, rawLabels);
        } catch (NoSuchFileException e) {
            throw UserError.runtime(file + ": CSV file not found");
        } catch (MalformedInputException e) {
            throw UserError.runtime(file + ": not UTF-8 text");
        } catch (UncheckedIOException e) {
            throw UserError.runtime(file + ": " + e.getCause().getMessage());
        } catch (IOException e) {
            throw UserError.runtime(file + ": cannot read: " + e.getMessage());
        }
    }

    private static Dataset build(Path file, int numFeatures, List<double[]> rows, List<Integer> rawLabels) {
        TreeMap<Integer, Integer> classIndex = new TreeMap<>();
        rawLabels.forEach(l -> classIndex.put(l, 0));
        int k = 0;
        for (var entry : classIndex.entrySet()) {
            entry.setValue(k++);
        }
        int n = rows.size();
        double[] x = new double[n * numFeatures];
        int[] y = new int[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(rows.get(i), 0, x, i * numFeatures, numFeatures);
            y[i] = classIndex.get(rawLabels.get(i));
        }
        int[] names = classIndex.keySet().stream().mapToInt(Integer::intValue).toArray();
        return new Dataset("csv " + file.getFileName() + " n=" + n, n, numFeatures, classIndex.size(), x, y, names);
    }

    private static double number(Path file, long line, int column, String cell) {
        try {
            double v = Double.parseDouble(cell);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(file, line, "column " + column + ": '" + cell + "' is not a finite number");
    }

    private static int label(Path file, long line, int column, String cell) {
        try {
            return Integer.parseInt(cell);
        } catch (NumberFormatException e) {
            throw error(file, line, "column " + column + " (label): '" + cell + "' is not an integer class label");
        }
    }

    private static UserError error(Path file, long line, String problem) {
        return UserError.runtime(file + ":" + line + ": " + problem);
    }
}
