package lab.cnn.experiment;

import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import lab.core.kind.RunContext;
import lab.core.UserError;
import lab.core.engine.RemoteContext;
import lab.core.engine.Task;
import lab.core.engine.TaskEngine;
import lab.core.io.AtomicFiles;
import lab.core.kind.KindRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Suite members trained by a {@link TaskEngine}: each task runs {@link CnnRunner} (the code a
 * local suite runs) into scratch space where it runs, and brings back the files it wrote; the
 * driver writes them where a local run would (model first, metrics.json last, as locally), so the
 * suite's results and reports are the same in form. Checkpoints stay in the task's scratch space:
 * a retried task starts its member over.
 */
final class RemoteMembers {
    private static final Logger LOG = LoggerFactory.getLogger(RemoteMembers.class);
    private static final String METRICS = "metrics.json";

    private RemoteMembers() {
    }

    /** One member: its run name, the experiment it trains, and its seed (null: the experiment's own). */
    record Member(String name, String experiment, Long seed) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    record Input(RemoteContext context, String suite, Member member) implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** The files a member's run wrote: relative path to bytes, under its results and its runs directory. */
    record Output(LinkedHashMap<String, byte[]> results, LinkedHashMap<String, byte[]> runs, String line)
            implements Serializable {
        private static final long serialVersionUID = 1L;
    }

    /** Trains one member where the engine runs it. */
    record Train() implements Task<Input, Output> {
        private static final long serialVersionUID = 1L;

        @Override
        public Output run(Input input) throws IOException {
            Member member = input.member();
            Path scratch = Files.createTempDirectory("lab-member-");
            try {
                RunContext ctx = input.context().open(KindRegistry.discover().specTypes(), scratch);
                CnnExperiment spec = ctx.experiments().reference(member.experiment(), CnnExperiment.class,
                        List.of("experiments", input.suite(), "runs"));
                if (member.seed() != null) {
                    spec = spec.withSeed(member.seed());
                }
                Path shownModel = Path.of(input.context().runsDir()).resolve(member.name()).resolve("model.zip");
                CnnOutcome outcome = CnnRunner.run(member.name(), spec, ctx,
                        "mvn -q compile exec:java -Dexp=" + input.suite(), shownModel);
                return new Output(read(ctx.resultsDir().resolve("cnn").resolve(member.name())),
                        read(ctx.runsDir().resolve(member.name())), closing(outcome));
            } finally {
                delete(scratch);
            }
        }
    }

    /** A member's closing figures, for the driver's log. */
    private static String closing(CnnOutcome outcome) {
        var last = outcome.run().last();
        return last == null ? "no evaluation" : String.format(Locale.ROOT, "validation %.4f, test %.4f, %.1f s training",
                last.valAccuracy(), last.testAccuracy(), outcome.run().trainSeconds());
    }

    static void run(TaskEngine engine, String suite, List<Member> members, RunContext ctx) {
        if (members.isEmpty()) {
            return;
        }
        RemoteContext remote = RemoteContext.of(ctx);
        LOG.info("{}: {} member(s) to {}", suite, members.size(), engine.describe());
        long start = System.nanoTime();
        List<String> failed = new ArrayList<>();
        // each member's files are written as soon as they are in (a model is tens of MB)
        engine.runEach(suite, members.stream().map(m -> new Input(remote, suite, m)).toList(), new Train(),
                (i, result) -> {
                    Member member = members.get(i);
                    if (!result.ok()) {
                        failed.add(member.name() + ": " + result.failure());
                        LOG.error("{}: {} FAILED: {}", suite, member.name(), result.failure());
                        return;
                    }
                    Path resultDir = ctx.resultsDir().resolve("cnn").resolve(member.name());
                    write(ctx.runsDir().resolve(member.name()), result.value().runs(), null);
                    write(resultDir, result.value().results(), METRICS);
                    LOG.info(String.format(Locale.ROOT, "%s: [%d/%d] %s: %s -> %s", suite, i + 1, members.size(),
                            member.name(), result.value().line(), resultDir));
                });
        LOG.info(String.format(Locale.ROOT, "%s: %d of %d member(s) done in %.1f min", suite,
                members.size() - failed.size(), members.size(), (System.nanoTime() - start) / 60e9));
        if (!failed.isEmpty()) {
            throw UserError.runtime(suite + ": " + failed.size() + " of " + members.size() + " member(s) failed: "
                    + String.join("; ", failed));
        }
    }

    /** Every file under {@code dir} but checkpoints, by path relative to it. */
    private static LinkedHashMap<String, byte[]> read(Path dir) throws IOException {
        LinkedHashMap<String, byte[]> files = new LinkedHashMap<>();
        if (!Files.isDirectory(dir)) {
            return files;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path file : paths.filter(Files::isRegularFile).sorted().toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (!relative.startsWith(CnnRunner.CHECKPOINTS + "/")) {
                    files.put(relative, Files.readAllBytes(file));
                }
            }
        }
        return files;
    }

    /** Each file atomically; {@code last} (metrics.json: its presence means complete) after the others. */
    private static void write(Path dir, Map<String, byte[]> files, String last) {
        AtomicFiles.requireWritableDirectory(dir);
        files.forEach((relative, bytes) -> {
            if (!relative.equals(last)) {
                writeOne(dir.resolve(relative), bytes);
            }
        });
        if (last != null && files.containsKey(last)) {
            writeOne(dir.resolve(last), files.get(last));
        }
    }

    private static void writeOne(Path target, byte[] bytes) {
        AtomicFiles.write(target, out -> out.write(bytes));
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            LOG.warn("could not delete scratch directory {}: {}", dir, e.getMessage());
        }
    }
}
