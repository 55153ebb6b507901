package lab.cnn.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import lab.core.UserError;

/** A small comma-separated file with a header line and no quoting, read by column name. */
final class Csv {
    private final Path file;
    private final Map<String, Integer> columns;
    private final List<String[]> rows;
    private final List<Integer> lineNumbers;

    private Csv(Path file, Map<String, Integer> columns, List<String[]> rows, List<Integer> lineNumbers) {
        this.file = file;
        this.columns = columns;
        this.rows = rows;
        this.lineNumbers = lineNumbers;
    }

    /** Reads {@code file}, which must have every one of {@code required} in its header. */
    static Csv read(Path file, String... required) {
        return read(file, false, required);
    }

    /**
     * Reads a log that training appends to (e.g. layer-stats.csv): a last line without its newline
     * is a write cut short by a crash or a kill, and is dropped rather than reported.
     */
    static Csv readLog(Path file, String... required) {
        return read(file, true, required);
    }

    private static Csv read(Path file, boolean dropUnfinishedLine, String... required) {
        List<String> lines;
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            lines = new ArrayList<>(text.lines().toList());
            if (dropUnfinishedLine && lines.size() > 1 && !text.endsWith("\n")) {
                lines.remove(lines.size() - 1);
            }
        } catch (IOException e) {
            throw UserError.runtime(file + ": cannot read: " + e.getMessage(), e);
        }
        if (lines.isEmpty()) {
            throw UserError.runtime(file + ": empty file, expected a header line");
        }
        Map<String, Integer> columns = new HashMap<>();
        String[] header = lines.get(0).strip().split(",", -1);
        for (int i = 0; i < header.length; i++) {
            columns.put(header[i].strip(), i);
        }
        for (String name : required) {
            if (!columns.containsKey(name)) {
                throw UserError.runtime(file + ": header has no column '" + name + "'");
            }
        }
        List<String[]> rows = new ArrayList<>();
        List<Integer> numbers = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            String[] cells = line.split(",", -1);
            if (cells.length != header.length) {
                throw UserError.runtime(file + ":" + (i + 1) + ": " + cells.length + " fields, the header has "
                        + header.length);
            }
            rows.add(cells);
            numbers.add(i + 1);
        }
        return new Csv(file, columns, rows, numbers);
    }

    int size() {
        return rows.size();
    }

    String text(int row, String column) {
        return rows.get(row)[columns.get(column)].strip();
    }

    /** A number; an empty cell is NaN. */
    double number(int row, String column) {
        String s = text(row, column);
        if (s.isEmpty()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw error(row, column + " is not a number: '" + s + "'");
        }
    }

    long integer(int row, String column) {
        String s = text(row, column);
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw error(row, column + " is not an integer: '" + s + "'");
        }
    }

    UserError error(int row, String message) {
        return UserError.runtime(file + ":" + lineNumbers.get(row) + ": " + message);
    }
}
