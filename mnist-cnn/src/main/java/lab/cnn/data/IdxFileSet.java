package lab.cnn.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The IDX files found in one directory, by part; parts not found are absent from {@code files}. */
public record IdxFileSet(Path dir, Map<IdxPart, Path> files) {
    public IdxFileSet {
        files = Map.copyOf(files);
    }

    public static IdxFileSet find(Path dir) {
        Map<IdxPart, Path> found = new EnumMap<>(IdxPart.class);
        for (IdxPart part : IdxPart.values()) {
            for (String name : part.candidateNames()) {
                Path file = dir.resolve(name);
                if (Files.isRegularFile(file)) {
                    found.put(part, file);
                    break;
                }
            }
        }
        return new IdxFileSet(dir, found);
    }

    public boolean complete() {
        return files.size() == IdxPart.values().length;
    }

    public List<IdxPart> missing() {
        List<IdxPart> missing = new ArrayList<>();
        for (IdxPart part : IdxPart.values()) {
            if (!files.containsKey(part)) {
                missing.add(part);
            }
        }
        return missing;
    }

    /** E.g. {@code t10k-images-idx3-ubyte(.gz), t10k-labels-idx1-ubyte(.gz)}. */
    public String describeMissing() {
        return missing().stream().map(p -> p.fileName() + "(.gz)").collect(Collectors.joining(", "));
    }

    public Path path(IdxPart part) {
        Path file = files.get(part);
        if (file == null) {
            throw new IllegalStateException(dir + ": no " + part.fileName());
        }
        return file;
    }
}
