package lab.mlp.report;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import lab.core.io.AtomicFiles;
import lab.mlp.model.Kernels;
import lab.mlp.train.Instability;
import lab.mlp.train.Score;

/** results/mlp/README.md: per section a table, a grid of decision boundaries and observations. */
public final class GalleryReport {
    /** Pictures per row of the grid; runs with a boundary.gif take two pictures, so fewer per row. */
    static final int COLUMNS = 3;
    static final int ANIMATED_COLUMNS = 2;

    /**
     * @param lossOverlay the section's loss-curve chart, or null
     * @param comparison  the runs differ in one setting ({@code varies}); else they are shown, not ranked
     * @param varies      what differs between the runs, e.g. "activation"
     * @param fixed       what they share, e.g. "moons n=200 noise=0.2 seed=0, three-layer, hidden [3], ..."
     */
    public record Section(String title, boolean ordered, String note, List<MlpOutcome> runs, Path lossOverlay,
                          boolean comparison, String varies, String fixed) {
    }

    private GalleryReport() {
    }

    public static void write(Path file, String experiment, String title, String description, List<Section> sections) {
        Path dir = file.getParent();
        StringBuilder md = new StringBuilder();
        md.append("# ").append(title).append("\n\n");
        if (!description.isEmpty()) {
            md.append(description).append("\n\n");
        }
        md.append("Written by `mvn -q compile exec:java -Dexp=").append(experiment)
                .append("`, which retrains every run below from its seed; do not edit by hand. ")
                .append(String.format(Locale.ROOT, "Seconds are the training loop's wall time (no pictures, no "
                                + "logs), one run at a time, on %d cores with Java %s and %d-lane vectors; each run "
                                + "is trained three times, identically: the JIT compiles during the first (its time, "
                                + "compiler included, is `first_run_seconds` in metrics.json) and the faster of the "
                                + "other two is given. Other work on a shared machine can still slow a run down several "
                                + "times over: the observations rank runs by time only when one took at least %.0f x "
                                + "as long as another. Loss is the assignment's: mean cross-entropy "
                                + "plus reg_lambda/2 times the sum of squared weights over N.%n%n",
                        Runtime.getRuntime().availableProcessors(), System.getProperty("java.version"), Kernels.LANES,
                        Observations.CLEAR_TIME_RATIO))
                .append(String.format(Locale.ROOT, "A run is **diverged** when its loss stops being finite or ends "
                        + "above its start or above 2 x its best + 0.01 (its final numbers are not a result), and "
                        + "**unstable** when its loss, after reaching its best, rises above %.1f x that best (it "
                        + "ends wherever the jump left it; the column gives the first such pass and the highest "
                        + "loss after the best over the best).%n%n", Instability.FACTOR))
                .append(String.format(Locale.ROOT, "Test accuracy and test loss (mean cross-entropy, no L2 term) are "
                        + "measured on %,d held-out points from the training data's generator and settings with seed "
                        + "+ 1 (blobs: the same centres); CSV data has none. Accuracies are given ± one binomial "
                        + "standard error, sqrt(p (1 - p) / n); the observations call two accuracies different only "
                        + "when they differ by more than %.0f x sqrt(se1² + se2²), and say \"within the noise\" "
                        + "otherwise.%n%n", testPoints(sections), Noise.Z));
        for (Section section : sections) {
            md.append("## ").append(section.title()).append("\n\n");
            md.append(section.comparison() ? "**Varies:** " : "**Not a comparison; differ in:** ")
                    .append(section.varies()).append(". **Held fixed:** ").append(section.fixed()).append(".\n\n");
            table(md, dir, section.runs());
            if (section.lossOverlay() != null) {
                md.append(String.format(Locale.ROOT, "<img src=\"%s\" width=\"600\" alt=\"loss curves\">%n%n",
                        rel(dir, section.lossOverlay())));
            }
            grid(md, dir, section.runs());
            if (!section.note().isEmpty()) {
                md.append(section.note()).append("\n\n");
            }
            md.append("Observations:\n\n");
            for (String line : Observations.of(section.runs(), section.ordered(), section.comparison(),
                    section.varies())) {
                md.append("- ").append(line).append('\n');
            }
            md.append('\n');
        }
        AtomicFiles.writeString(file, md.toString());
    }

    private static void table(StringBuilder md, Path dir, List<MlpOutcome> runs) {
        md.append("| experiment | network | dataset | loss | train accuracy | test accuracy | test loss | seconds "
                + "| diverged | unstable |\n");
        md.append("|---|---|---|---:|---:|---:|---:|---:|---|---|\n");
        for (MlpOutcome r : runs) {
            md.append(String.format(Locale.ROOT, "| [%s](%s) | %s | %s | %.4f | %s | %s | %s | %.3f | %s | %s |%n",
                    r.name(), rel(dir, r.dir().resolve("metrics.json")), r.config(), r.datasetName(),
                    r.result().finalLoss(), accuracy(r.train()), accuracy(r.test()),
                    r.test() == null ? "–" : String.format(Locale.ROOT, "%.4f", r.test().crossEntropy()),
                    r.result().seconds(), r.result().diverged() ? "**yes**" : "no", unstable(r)));
        }
        md.append('\n');
    }

    /** Held-out points per run (the same for every generated dataset), 0 if no run has any. */
    private static int testPoints(List<Section> sections) {
        return sections.stream().flatMap(s -> s.runs().stream()).filter(r -> r.test() != null)
                .mapToInt(r -> r.test().size()).findFirst().orElse(0);
    }

    /** "0.975 ± 0.011" (one standard error), or "–" without a score. */
    static String accuracy(Score s) {
        return s == null ? "–" : String.format(Locale.ROOT, "%.3f ± %.3f", s.accuracy(), s.standardError());
    }

    /** "no", or "**yes**: pass 1000, 30.1 x best" (see lab.mlp.train.Instability). */
    static String unstable(MlpOutcome r) {
        Instability i = r.result().instability();
        return i == null ? "no" : String.format(Locale.ROOT, "**yes**: pass %d, %.1f x best", i.atPass(), i.ratio());
    }

    private static void grid(StringBuilder md, Path dir, List<MlpOutcome> runs) {
        List<MlpOutcome> pictured = runs.stream().filter(r -> Files.exists(r.dir().resolve("boundary.png"))).toList();
        if (pictured.isEmpty()) {
            return;
        }
        boolean animated = pictured.stream().anyMatch(r -> Files.exists(r.dir().resolve("boundary.gif")));
        int columns = animated ? ANIMATED_COLUMNS : COLUMNS;
        md.append("<table>\n");
        for (int i = 0; i < pictured.size(); i += columns) {
            md.append("<tr>\n");
            for (MlpOutcome r : pictured.subList(i, Math.min(i + columns, pictured.size()))) {
                Path gif = r.dir().resolve("boundary.gif");
                String learning = Files.exists(gif) ? String.format(Locale.ROOT,
                        " <img src=\"%s\" width=\"220\" alt=\"%s while it learns\">", rel(dir, gif), r.name()) : "";
                md.append(String.format(Locale.ROOT, "<td><img src=\"%s\" width=\"300\" alt=\"%s\">%s<br>%s "
                                + "(<a href=\"%s\">loss curve</a>)</td>%n", rel(dir, r.dir().resolve("boundary.png")),
                        r.name(), learning, r.name(), rel(dir, r.dir().resolve("loss.png"))));
            }
            md.append("</tr>\n");
        }
        md.append("</table>\n\n");
    }

    private static String rel(Path dir, Path file) {
        return dir.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace('\\', '/');
    }
}
