package lab.core.search;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import lab.core.io.AtomicFiles;

/**
 * The candidates of a search ranked by validation accuracy (best first; ties: earlier candidate),
 * failed ones last without a rank. Written as leaderboard.csv and leaderboard.md.
 *
 * @param testAccuracy the winner's test accuracy (the only candidate evaluated on test), NaN if none
 */
public record Leaderboard(List<String> parameters, List<Row> rows, double testAccuracy) {

    /** @param rank 1 for the best; 0 for a failed candidate */
    public record Row(int rank, CandidateRecord candidate) {
    }

    public static Leaderboard of(List<String> parameters, List<CandidateRecord> candidates, double testAccuracy) {
        List<CandidateRecord> sorted = new ArrayList<>(candidates);
        sorted.sort(Comparator.comparing((CandidateRecord c) -> !c.ok())
                .thenComparing(c -> c.ok() ? -c.score() : 0.0)
                .thenComparingInt(CandidateRecord::index));
        List<Row> rows = new ArrayList<>();
        int rank = 0;
        for (CandidateRecord c : sorted) {
            rows.add(new Row(c.ok() ? ++rank : 0, c));
        }
        return new Leaderboard(List.copyOf(parameters), List.copyOf(rows), testAccuracy);
    }

    public void writeCsv(Path file) {
        StringBuilder sb = new StringBuilder("rank,candidate");
        parameters.forEach(p -> sb.append(',').append(p));
        sb.append(",validation_accuracy,test_accuracy,seconds,status,failure\n");
        for (Row row : rows) {
            CandidateRecord c = row.candidate();
            sb.append(row.rank() > 0 ? Integer.toString(row.rank()) : "").append(',').append(c.index() + 1);
            for (String p : parameters) {
                sb.append(',').append(csv(Params.format(c.params().get(p))));
            }
            sb.append(',').append(c.ok() ? String.format(Locale.ROOT, "%.4f", c.score()) : "")
                    .append(',').append(row.rank() == 1 && Double.isFinite(testAccuracy)
                            ? String.format(Locale.ROOT, "%.4f", testAccuracy) : "")
                    .append(',').append(String.format(Locale.ROOT, "%.1f", c.seconds()))
                    .append(',').append(c.ok() ? "ok" : "failed")
                    .append(',').append(c.ok() ? "" : csv(c.failure())).append('\n');
        }
        AtomicFiles.writeString(file, sb.toString());
    }

    /** The table alone (a report puts its own heading and notes around it). */
    public String markdownTable() {
        StringBuilder sb = new StringBuilder("| rank | candidate |");
        parameters.forEach(p -> sb.append(' ').append(p).append(" |"));
        sb.append(" validation accuracy | test accuracy | seconds | status |\n|---:|---:|");
        parameters.forEach(p -> sb.append("---|"));
        sb.append("---:|---:|---:|---|\n");
        for (Row row : rows) {
            CandidateRecord c = row.candidate();
            sb.append("| ").append(row.rank() > 0 ? Integer.toString(row.rank()) : "-").append(" | ")
                    .append(c.index() + 1).append(" |");
            for (String p : parameters) {
                sb.append(' ').append(Params.format(c.params().get(p))).append(" |");
            }
            sb.append(' ').append(c.ok() ? String.format(Locale.ROOT, "%.2f%%", 100 * c.score()) : "-").append(" | ")
                    .append(row.rank() == 1 && Double.isFinite(testAccuracy)
                            ? String.format(Locale.ROOT, "%.2f%%", 100 * testAccuracy) : "-")
                    .append(" | ").append(String.format(Locale.ROOT, "%.1f", c.seconds())).append(" | ")
                    .append(c.ok() ? "ok" : "failed: " + c.failure().replace("|", "\\|")).append(" |\n");
        }
        return sb.toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
