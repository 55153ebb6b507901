package lab.cnn.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import lab.core.UserError;
import lab.core.io.Json;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The checkpoints of one run: {@code <dir>/iter-NNNNNNNNN/} holding {@code model.zip} (network,
 * updater state, DL4J's iteration count) and {@code state.json} ({@link TrainingState} plus the
 * configuration it belongs to). A checkpoint is assembled in a hidden temporary directory, synced,
 * and renamed into place, so a checkpoint directory is whole or absent; the newest {@code keep}
 * are kept.
 */
public final class CheckpointStore {
    /** A checkpoint read back: the network with its updater, and where training stood. */
    public record Restored(MultiLayerNetwork net, TrainingState state, Path path) {
    }

    /** What state.json holds. */
    record Saved(int format, String savedAt, JsonNode config, TrainingState state) {
    }

    static final String MODEL = "model.zip";
    static final String STATE = "state.json";
    private static final int FORMAT = 1;
    private static final Pattern NAME = Pattern.compile("iter-(\\d{9,})");
    private static final Logger LOG = LoggerFactory.getLogger(CheckpointStore.class);

    private final Path dir;
    private final int keep;
    private final JsonNode config;

    /**
     * @param config the run's configuration: a checkpoint made with another one is not resumed
     */
    public CheckpointStore(Path dir, int keep, JsonNode config) {
        if (keep < 1) {
            throw new IllegalArgumentException("keep must be >= 1, got " + keep);
        }
        this.dir = dir;
        this.keep = keep;
        this.config = normalised(config);
    }

    public Path dir() {
        return dir;
    }

    /** Writes a checkpoint of {@code net} at {@code state}, then drops all but the newest {@code keep}. */
    public Path save(MultiLayerNetwork net, TrainingState state) {
        Path target = dir.resolve(String.format("iter-%09d", state.iteration()));
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        try {
            Files.createDirectories(dir);
            deleteTree(tmp);
            Files.createDirectories(tmp);
            ModelSerializer.writeModel(net, tmp.resolve(MODEL).toFile(), true);
            Files.writeString(tmp.resolve(STATE), Json.toJson(new Saved(FORMAT, Instant.now().toString(), config,
                    state)));
            sync(tmp.resolve(MODEL));
            sync(tmp.resolve(STATE));
            replace(tmp, target);
        } catch (IOException e) {
            throw UserError.runtime(target + ": cannot write a checkpoint: " + e.getMessage(), e);
        } finally {
            try {
                deleteTree(tmp);
            } catch (IOException ignored) {
                // best effort; a stale temporary directory is skipped and removed later
            }
        }
        prune();
        return target;
    }

    /**
     * Moves {@code fresh} to {@code target}. An existing target is first renamed aside (a directory
     * cannot be renamed over a non-empty one) and deleted only once the new one is in place, so at
     * every instant one whole checkpoint of that iteration exists under {@code target} or its aside
     * name, which {@link #checkpoints()} also reads.
     */
    private void replace(Path fresh, Path target) throws IOException {
        Path aside = asideOf(target);
        deleteTree(aside);
        boolean hadOld = Files.exists(target);
        if (hadOld) {
            Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
            sync(dir);
        }
        betweenRenames.run();
        Files.move(fresh, target, StandardCopyOption.ATOMIC_MOVE);
        sync(dir);
        if (hadOld) {
            deleteTree(aside);
        }
    }

    /** Tests interrupt a replacement here, between moving the old checkpoint aside and the new one in. */
    Runnable betweenRenames = () -> {
    };

    private static Path asideOf(Path checkpoint) {
        return checkpoint.resolveSibling("." + checkpoint.getFileName() + ".replaced");
    }

    /**
     * The newest checkpoint that reads back whole and was made with this configuration. Skipped
     * ones are named in the log with the reason.
     */
    public Optional<Restored> newest() {
        for (Path candidate : checkpoints()) {
            Saved saved;
            try {
                saved = Json.mapper().readValue(candidate.resolve(STATE).toFile(), Saved.class);
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: unreadable ({}); trying an older checkpoint", candidate, firstLine(e));
                continue;
            }
            if (saved.format() != FORMAT) {
                LOG.warn("{}: format {} is not {}; trying an older checkpoint", candidate, saved.format(), FORMAT);
                continue;
            }
            if (!config.equals(saved.config())) {
                LOG.warn("{}: made with another configuration ({}); not resuming from it", candidate,
                        differences(saved.config(), config));
                continue;
            }
            try {
                MultiLayerNetwork net = ModelSerializer.restoreMultiLayerNetwork(candidate.resolve(MODEL).toFile(),
                        true);
                return Optional.of(new Restored(net, saved.state(), candidate));
            } catch (IOException | RuntimeException e) {
                LOG.warn("{}: model unreadable ({}); trying an older checkpoint", candidate, firstLine(e));
            }
        }
        return Optional.empty();
    }

    /** Deletes every checkpoint (and leftovers of interrupted writes). */
    public void clear() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (NAME.matcher(entry.getFileName().toString()).matches() || isLeftover(entry)) {
                    deleteTree(entry);
                }
            }
            try (Stream<Path> rest = Files.list(dir)) {
                if (rest.findAny().isEmpty()) {
                    Files.delete(dir);
                }
            }
        } catch (IOException e) {
            throw UserError.runtime(dir + ": cannot delete old checkpoints: " + e.getMessage(), e);
        }
    }

    /** Checkpoint directories, newest first. */
    List<Path> checkpoints() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            // an aside copy counts only while its replacement has not arrived (a replace was killed)
            return entries.filter(p -> Files.isDirectory(p) && (NAME.matcher(p.getFileName().toString()).matches()
                            || isAside(p) && !Files.exists(mainOf(p))))
                    .sorted(Comparator.comparingLong(CheckpointStore::iterationOf).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void prune() {
        List<Path> all = checkpoints();
        try {
            for (Path old : all.subList(Math.min(keep, all.size()), all.size())) {
                deleteTree(old);
            }
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path leftover : entries.filter(CheckpointStore::isLeftover).toList()) {
                    deleteTree(leftover); // of a write that was killed: this one's is gone already
                }
            }
        } catch (IOException e) {
            LOG.warn("{}: cannot delete an old checkpoint: {}", dir, e.getMessage());
        }
    }

    /** A killed write's temporary directory, or an aside copy whose replacement is in place. */
    private static boolean isLeftover(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".iter-") && name.endsWith(".tmp") || isAside(p) && Files.exists(mainOf(p));
    }

    private static boolean isAside(Path p) {
        String name = p.getFileName().toString();
        return name.startsWith(".") && name.endsWith(".replaced")
                && NAME.matcher(name.substring(1, name.length() - ".replaced".length())).matches();
    }

    private static Path mainOf(Path aside) {
        String name = aside.getFileName().toString();
        return aside.resolveSibling(name.substring(1, name.length() - ".replaced".length()));
    }

    private static long iterationOf(Path p) {
        Path main = isAside(p) ? mainOf(p) : p;
        Matcher m = NAME.matcher(main.getFileName().toString());
        return m.matches() ? Long.parseLong(m.group(1)) : -1;
    }

    /** As it reads back from state.json (a long 0 written is an int 0 read: JsonNode equality sees types). */
    private static JsonNode normalised(JsonNode config) {
        try {
            return Json.mapper().readTree(Json.mapper().writeValueAsString(config));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The top-level keys whose values differ, for the log. */
    private static String differences(JsonNode saved, JsonNode current) {
        if (saved == null || !saved.isObject()) {
            return "no configuration recorded";
        }
        List<String> keys = new ArrayList<>();
        current.fieldNames().forEachRemaining(k -> {
            if (!current.get(k).equals(saved.get(k))) {
                keys.add(k + " " + saved.get(k) + " -> " + current.get(k));
            }
        });
        saved.fieldNames().forEachRemaining(k -> {
            if (!current.has(k)) {
                keys.add(k + " " + saved.get(k) + " -> absent");
            }
        });
        return keys.isEmpty() ? "same keys, other layout" : String.join(", ", keys);
    }

    private static String firstLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }

    private static void sync(Path path) throws IOException {
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            if (!Files.isDirectory(path)) {
                throw e; // some file systems cannot sync a directory; files must sync
            }
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
