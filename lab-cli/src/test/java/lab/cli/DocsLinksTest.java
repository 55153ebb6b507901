package lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lab.core.config.ExperimentsFile;
import org.junit.jupiter.api.Test;

/**
 * README.md and docs/ promise only what exists: every experiment they name ({@code -Dexp=NAME},
 * and the names in the first column of an experiments table) is in experiments.yaml, and every
 * relative link points at a file (and, with {@code #anchor}, at a heading of that file).
 */
class DocsLinksTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern EXP = Pattern.compile("-Dexp=([A-Za-z0-9._-]+)");
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern TABLE_NAMES = Pattern.compile("^\\| ((?:`[a-z0-9.-]+`(?:, )?)+) \\| ([a-z-]+) \\|");
    private static final Pattern BACKTICKED = Pattern.compile("`([a-z0-9.-]+)`");

    static List<Path> pages() throws IOException {
        List<Path> pages = new ArrayList<>(List.of(ROOT.resolve("README.md")));
        try (Stream<Path> docs = Files.list(ROOT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        return pages;
    }

    @Test
    void everyExperimentNamedInTheDocsExists() throws IOException {
        ExperimentsFile file = ExperimentsFile.load(ROOT.resolve("experiments.yaml"), Kinds.all());
        Set<String> kinds = Kinds.all().keySet();
        List<String> missing = new ArrayList<>();
        int seen = 0;
        for (Path page : pages()) {
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                List<String> names = new ArrayList<>();
                Matcher exp = EXP.matcher(line);
                while (exp.find()) {
                    names.add(exp.group(1));
                }
                Matcher row = TABLE_NAMES.matcher(line);
                if (row.find() && kinds.contains(row.group(2))) {
                    Matcher name = BACKTICKED.matcher(row.group(1));
                    while (name.find()) {
                        names.add(name.group(1));
                    }
                }
                for (String name : names) {
                    seen++;
                    if (!name.equals("NAME") && !file.names().contains(name)) {
                        missing.add(ROOT.relativize(page) + ":" + (i + 1) + ": " + name);
                    }
                }
            }
        }
        assertTrue(seen > 30, "the docs name only " + seen + " experiments: is the pattern still right?");
        assertEquals(List.of(), missing, "experiments named in the docs but not in experiments.yaml");
    }

    @Test
    void everyRelativeLinkPointsAtAFileAndHeading() throws IOException {
        List<String> broken = new ArrayList<>();
        for (Path page : pages()) {
            List<String> lines = Files.readAllLines(page);
            for (int i = 0; i < lines.size(); i++) {
                Matcher link = LINK.matcher(lines.get(i));
                while (link.find()) {
                    String target = link.group(1);
                    if (target.matches("^[a-z]+:.*")) {
                        continue; // http(s), mailto
                    }
                    String where = ROOT.relativize(page) + ":" + (i + 1) + ": " + target;
                    int hash = target.indexOf('#');
                    String path = hash < 0 ? target : target.substring(0, hash);
                    Path file = path.isEmpty() ? page : page.getParent().resolve(path).normalize();
                    if (!Files.exists(file)) {
                        broken.add(where + " (no such file)");
                    } else if (hash >= 0 && !anchors(file).contains(target.substring(hash + 1))) {
                        broken.add(where + " (no such heading)");
                    }
                }
            }
        }
        assertEquals(List.of(), broken);
    }

    /** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
    static Set<String> anchors(Path markdown) throws IOException {
        Set<String> anchors = new HashSet<>();
        for (String line : Files.readAllLines(markdown)) {
            if (line.startsWith("#")) {
                String text = line.replaceFirst("^#+\\s*", "").trim().toLowerCase(Locale.ROOT);
                anchors.add(text.replaceAll("[^\\p{L}\\p{N} _-]", "").replace(' ', '-'));
            }
        }
        return anchors;
    }

    @Test
    void anchorsFollowGitHub() throws IOException {
        Path md = Files.createTempFile("anchors", ".md");
        Files.writeString(md, "# Reliability: when something is wrong\n## UI binding\n### Measured (2026-12-02)\n");
        assertEquals(Set.of("reliability-when-something-is-wrong", "ui-binding", "measured-2026-12-02"), anchors(md));
        Files.delete(md);
    }
}
