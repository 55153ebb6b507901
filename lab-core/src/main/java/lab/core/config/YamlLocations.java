package lab.core.config;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Line and column of every key and list item in a YAML document, by path. Jackson binds the
 * records but cannot say where a value sits once binding is over; this index can.
 */
final class YamlLocations {
    /** 1-based line and column. */
    record Position(int line, int column) {
    }

    /** A key given twice in one mapping: YAML forbids it, and the later value would win silently. */
    static final class DuplicateKey extends RuntimeException {
        final String key;
        final Position position;

        DuplicateKey(String key, Position position) {
            super("duplicate key " + key);
            this.key = key;
            this.position = position;
        }
    }

    private final Map<List<String>, Position> positions = new HashMap<>();
    private final Map<List<String>, List<String>> keys = new HashMap<>();
    private final Node root;

    YamlLocations(String yamlText) {
        root = new Yaml(new LoaderOptions()).compose(new StringReader(yamlText));
        if (root != null) {
            walk(root, new ArrayList<>());
        }
    }

    /** The keys of the mapping at {@code path}, in file order (empty if there is none). */
    List<String> keysAt(List<String> path) {
        return keys.getOrDefault(path, List.of());
    }

    /** False for an empty or comments-only document. */
    boolean hasContent() {
        return root != null;
    }

    /** The position of the deepest known prefix of {@code path}, or null. */
    Position find(List<String> path) {
        for (int n = path.size(); n > 0; n--) {
            Position p = positions.get(path.subList(0, n));
            if (p != null) {
                return p;
            }
        }
        return null;
    }

    private void walk(Node node, List<String> path) {
        if (node instanceof MappingNode mapping) {
            Set<String> seen = new HashSet<>();
            for (NodeTuple tuple : mapping.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode key) {
                    if (!seen.add(key.getValue())) {
                        Mark mark = key.getStartMark();
                        throw new DuplicateKey(key.getValue(), new Position(mark.getLine() + 1, mark.getColumn() + 1));
                    }
                    keys.computeIfAbsent(List.copyOf(path), p -> new ArrayList<>()).add(key.getValue());
                    path.add(key.getValue());
                    put(path, key.getStartMark());
                    walk(tuple.getValueNode(), path);
                    path.remove(path.size() - 1);
                }
            }
        } else if (node instanceof SequenceNode sequence) {
            List<Node> items = sequence.getValue();
            for (int i = 0; i < items.size(); i++) {
                path.add(Integer.toString(i));
                put(path, items.get(i).getStartMark());
                walk(items.get(i), path);
                path.remove(path.size() - 1);
            }
        }
    }

    private void put(List<String> path, Mark mark) {
        positions.putIfAbsent(List.copyOf(path), new Position(mark.getLine() + 1, mark.getColumn() + 1));
    }
}
