package lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Committed results name no machine: no absolute path (of any home, work or temporary
 * directory, Unix or Windows; system package data such as /usr/share/datasets is the same on every
 * machine and allowed) and not this machine's host or user name, in any text file under
 * results/ (Markdown, JSON, CSV). A result must read the same whoever regenerates it.
 */
class ResultsPortabilityTest {
    private static final Path RESULTS = Path.of("..", "results").toAbsolutePath().normalize();
    private static final Set<String> TEXT = Set.of("md", "json", "csv", "txt");
    static final Pattern ABSOLUTE = Pattern.compile(
            "(?<![\\w.~-])(/(?:home|root|work|tmp|Users|var|opt|mnt|srv|data)/[^\\s\"',)]*|[A-Za-z]:\\\\[^\\s\"',)]*)");

    @Test
    void noAbsolutePathOrMachineNameInAnyResult() throws IOException {
        List<String> found = new ArrayList<>();
        List<Pattern> names = machineNames();
        int files = 0;
        try (Stream<Path> all = Files.walk(RESULTS)) {
            for (Path file : all.filter(Files::isRegularFile).filter(ResultsPortabilityTest::isText).sorted().toList()) {
                files++;
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher m = ABSOLUTE.matcher(lines.get(i));
                    if (m.find()) {
                        found.add(RESULTS.relativize(file) + ":" + (i + 1) + ": " + m.group(1));
                    }
                    for (Pattern name : names) {
                        if (name.matcher(lines.get(i)).find()) {
                            found.add(RESULTS.relativize(file) + ":" + (i + 1) + ": machine name " + name.pattern());
                        }
                    }
                }
            }
        }
        assertTrue(files > 50, "only " + files + " text files under " + RESULTS);
        assertEquals(List.of(), found);
    }

    @Test
    void thePatternFindsWhatItShould() {
        for (String bad : List.of("\"model\" : \"/work/main/runs/a/model.zip\"", "MNIST (/root/.deeplearning4j/x)",
                "C:\\Users\\me\\runs", "source /home/ann/data")) {
            assertTrue(ABSOLUTE.matcher(bad).find(), bad);
        }
        for (String fine : List.of("runs/adam-relu/model.zip", "data/mnist", "1/2/3", "val/test error", "img/s",
                "https://github.com/x/y", "a ./tmp/x")) {
            assertTrue(!ABSOLUTE.matcher(fine).find(), fine);
        }
    }

    private static boolean isText(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 && TEXT.contains(name.substring(dot + 1));
    }

    /** This machine's host and user names as whole words, when long enough not to be ordinary words. */
    private static List<Pattern> machineNames() throws IOException {
        List<Pattern> names = new ArrayList<>();
        List<String> candidates = new ArrayList<>(List.of(System.getProperty("user.name", "")));
        candidates.add(InetAddress.getLocalHost().getHostName());
        for (String name : candidates) {
            if (name.length() >= 5 && !name.equals("runner")) {
                names.add(Pattern.compile("\\b" + Pattern.quote(name) + "\\b"));
            }
        }
        return names;
    }
}
