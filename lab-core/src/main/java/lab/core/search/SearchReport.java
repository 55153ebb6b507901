package lab.core.search;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lab.core.io.AtomicFiles;
import lab.core.io.Json;

/**
 * Writes {@code <results>/search/<name>/}: leaderboard.csv, leaderboard.md, scores.png, then
 * summary.json (last: its presence means the search finished). Every file goes through a
 * temporary file and a rename.
 */
public final class SearchReport {
    private SearchReport() {
    }

    public static void write(Path dir, List<Dimension> dimensions, ArbiterSearch.Result result, SearchSummary summary) {
        List<String> names = dimensions.stream().map(Dimension::name).toList();
        double test = summary.winner() == null ? Double.NaN : summary.winner().testAccuracy();
        Leaderboard board = Leaderboard.of(names, result.candidates(), test);
        board.writeCsv(dir.resolve("leaderboard.csv"));
        AtomicFiles.writeString(dir.resolve("leaderboard.md"), markdown(summary, board));
        String subtitle = String.format(Locale.ROOT, "%s search, %d candidates, %s; score: %s", summary.plan().generator(),
                summary.candidates(), summary.base() == null ? "" : "base " + summary.base(), summary.score());
        SearchChart.write(summary.name() + ": validation accuracy against each parameter", subtitle, dimensions,
                result.candidates(), dir.resolve("scores.png"));
        Json.write(dir.resolve("summary.json"), summary);
    }

    static String markdown(SearchSummary s, Leaderboard board) {
        StringBuilder sb = new StringBuilder();
        sb.append("# Search `").append(s.name()).append("`\n\n");
        if (!s.description().isEmpty()) {
            sb.append(s.description()).append("\n\n");
        }
        sb.append("Made by `").append(s.command()).append("` (").append(String.format(Locale.ROOT, "%.1f", s.seconds() / 60))
                .append(" min).\n\n");
        sb.append(String.format(Locale.ROOT, "- %s search over %s, base experiment `%s`, seed %d, parallelism %d%n",
                s.plan().generator(), String.join(", ", s.parameters()), s.base(), s.plan().seed(),
                s.plan().parallelism()));
        sb.append(String.format(Locale.ROOT, "- %d candidates trained (%d failed) of %d allowed by the budget%s%n",
                s.candidates(), s.failed(), s.planned(),
                s.plan().maxMinutes() == null ? "" : String.format(Locale.ROOT, " (max %.1f min)", s.plan().maxMinutes())));
        sb.append("- score: ").append(s.score()).append("; only the winner is evaluated on the test set\n");
        s.setup().forEach((k, v) -> sb.append("- ").append(k).append(": ").append(v).append('\n'));
        if (s.winner() != null) {
            sb.append(String.format(Locale.ROOT, "%n**Winner**: candidate %d, %s: validation accuracy %.2f%%, "
                            + "test accuracy %.2f%%.%n", s.winner().candidate(), Params.describe(s.winner().parameters()),
                    100 * s.winner().validationAccuracy(), 100 * s.winner().testAccuracy()));
        } else {
            sb.append("\n**No winner**: every candidate failed.\n");
        }
        if (s.model() != null) {
            sb.append("Its model: `").append(s.model()).append("` (not in git; rerun the command to make it).\n");
        }
        sb.append("\n![validation accuracy against each parameter](scores.png)\n\n");
        sb.append(board.markdownTable());
        return sb.toString();
    }
}
