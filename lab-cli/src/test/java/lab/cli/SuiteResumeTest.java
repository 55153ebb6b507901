package lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Re-running a suite skips the members that finished with the same configuration. */
class SuiteResumeTest {
    private static final String MEMBER = """
              %s:
                kind: cnn
                learning_rate: %s
                train_images: 200
                validation_images: 100
                test_images: 100
                iterations: 4
                monitor_every: 0
            """;

    @TempDir
    Path dir;

    private void write(String lrOfB) throws Exception {
        Files.writeString(dir.resolve("experiments.yaml"), "experiments:\n" + MEMBER.formatted("a", "1.0e-3")
                + MEMBER.formatted("b", lrOfB) + "  both:\n    kind: cnn-suite\n    runs: [a, b]\n");
    }

    private String run(String... extra) {
        List<String> args = new java.util.ArrayList<>(List.of("--exp", "both", "--experiments",
                dir.resolve("experiments.yaml").toString(), "--results-dir", dir.resolve("results").toString(),
                "--runs-dir", dir.resolve("runs").toString(), "--cache-dir",
                RealExperimentsFileTest.FILE.getParent().resolve("data").toString()));
        args.addAll(List.of(extra));
        MainTest.Run run = MainTest.run(args.toArray(String[]::new));
        assertEquals(0, run.code(), run.toString());
        return run.out();
    }

    private FileTime written(String member) throws Exception {
        return Files.getLastModifiedTime(dir.resolve("results/cnn").resolve(member).resolve("metrics.json"));
    }

    @Test
    void finishedMembersAreSkippedUnlessTheirConfigurationChanged() throws Exception {
        write("1.0e-3");
        run();
        Files.setLastModifiedTime(dir.resolve("results/cnn/a/metrics.json"), FileTime.fromMillis(0));
        Files.setLastModifiedTime(dir.resolve("results/cnn/b/metrics.json"), FileTime.fromMillis(0));

        String again = run();
        assertTrue(again.contains("[1/2] a: finished before with this configuration"), again);
        assertTrue(again.contains("[2/2] b: finished before with this configuration"), again);
        assertEquals(FileTime.fromMillis(0), written("a"));
        assertEquals(FileTime.fromMillis(0), written("b"));

        write("2.0e-3"); // b changed: b trains again, a does not
        run();
        assertEquals(FileTime.fromMillis(0), written("a"));
        assertTrue(written("b").toMillis() > 0);

        run("--resume", "false");
        assertTrue(written("a").toMillis() > 0, "-Dresume=false retrains every member");
    }
}
