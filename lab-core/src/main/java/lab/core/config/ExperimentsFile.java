package lab.core.config;

import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.InvalidTypeIdException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.introspect.AnnotationIntrospectorPair;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import lab.core.UserError;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * experiments.yaml, bound to one record per experiment. Every mistake in the file becomes a
 * {@link UserError} of the form {@code experiments.yaml:LINE:COL: key: problem}.
 */
public final class ExperimentsFile {
    private final String fileName;
    private final Map<String, ExperimentSpec> experiments;
    private final YamlLocations locations;
    private final String text;

    /** The document: one top-level key, {@code experiments}, mapping names to specs. */
    private record Document(Map<String, ExperimentSpec> experiments) {
    }

    private ExperimentsFile(String fileName, Map<String, ExperimentSpec> experiments, YamlLocations locations,
                            String text) {
        this.fileName = fileName;
        this.experiments = experiments;
        this.locations = locations;
        this.text = text;
    }

    /**
     * Reads and validates the whole file.
     *
     * @param kinds the value of each {@code kind:} key and the record it binds to
     */
    public static ExperimentsFile load(Path file, Map<String, Class<? extends ExperimentSpec>> kinds) {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw UserError.usage(file + ": experiments file not found (set -Dexperiments=FILE)");
        } catch (MalformedInputException e) {
            throw UserError.usage(file + ": not UTF-8 text");
        } catch (IOException e) {
            throw UserError.usage(file + ": cannot read: " + e.getMessage());
        }
        return parse(file.getFileName().toString(), text, kinds);
    }

    /** Binds YAML text; {@code fileName} only labels error messages. */
    public static ExperimentsFile parse(String fileName, String text, Map<String, Class<? extends ExperimentSpec>> kinds) {
        YamlLocations locations;
        try {
            locations = new YamlLocations(text);
        } catch (YamlLocations.DuplicateKey e) {
            throw UserError.usage(fileName + ":" + e.position.line() + ":" + e.position.column() + ": " + e.key
                    + ": duplicate key (each key, and each experiment name, may appear once per mapping)");
        } catch (MarkedYAMLException e) {
            var mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String where = mark == null ? fileName : fileName + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1);
            throw UserError.usage(where + ": YAML syntax: " + oneLine(e.getProblem() != null ? e.getProblem() : e.getMessage()));
        } catch (RuntimeException e) {
            throw UserError.usage(fileName + ": YAML syntax: " + oneLine(e.getMessage()));
        }
        if (!locations.hasContent()) {
            throw noExperiments(fileName);
        }
        ObjectMapper mapper = mapper(kinds);
        Document doc;
        try {
            doc = mapper.readValue(text, Document.class);
        } catch (JacksonException e) {
            throw new BindingErrors(fileName, locations, kinds.keySet()).translate(e);
        }
        if (doc == null || doc.experiments() == null || doc.experiments().isEmpty()) {
            throw noExperiments(fileName);
        }
        for (var entry : doc.experiments().entrySet()) {
            if (entry.getValue() == null) {
                throw UserError.usage(where(fileName, locations, List.of("experiments", entry.getKey()))
                        + ": " + entry.getKey() + ": empty experiment (it needs at least 'kind')");
            }
        }
        return new ExperimentsFile(fileName, new LinkedHashMap<>(doc.experiments()), locations, text);
    }

    private static UserError noExperiments(String fileName) {
        return UserError.usage(fileName + ":1:1: experiments: no experiments defined (expected a top-level 'experiments:' mapping)");
    }

    private static ObjectMapper mapper(Map<String, Class<? extends ExperimentSpec>> kinds) {
        ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
                .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(DeserializationFeature.READ_ENUMS_USING_TO_STRING)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS);
        kinds.forEach((kind, type) -> mapper.registerSubtypes(new NamedType(type, kind)));
        // sealed types inside an experiment (e.g. dataset: {type: ...}) name their own subtypes
        mapper.setAnnotationIntrospector(AnnotationIntrospectorPair.pair(
                mapper.getSerializationConfig().getAnnotationIntrospector(), new SealedSubtypes()));
        return mapper;
    }

    public String fileName() {
        return fileName;
    }

    /** The YAML as read: another JVM binds the same experiments from it ({@link lab.core.engine.RemoteContext}). */
    public String text() {
        return text;
    }

    /** Names in file order. */
    public Set<String> names() {
        return experiments.keySet();
    }

    public Map<String, ExperimentSpec> all() {
        return experiments;
    }

    /** The named experiment, or a one-line error listing the known names. */
    public ExperimentSpec get(String name) {
        ExperimentSpec spec = experiments.get(name);
        if (spec == null) {
            throw UserError.usage("unknown experiment '" + name + "' in " + fileName + " (known: "
                    + String.join(", ", experiments.keySet()) + ")");
        }
        return spec;
    }

    /**
     * The experiment {@code name} referenced from {@code referrerPath} (e.g. a bench's list),
     * which must be of {@code type}.
     */
    public <T extends ExperimentSpec> T reference(String name, Class<T> type, List<String> referrerPath) {
        ExperimentSpec spec = experiments.get(name);
        if (type.isInstance(spec)) {
            return type.cast(spec);
        }
        String allowed = experiments.entrySet().stream()
                .filter(e -> type.isInstance(e.getValue()))
                .map(Map.Entry::getKey)
                .collect(Collectors.joining(", "));
        String problem = spec == null ? "unknown experiment '" + name + "'" : "'" + name + "' is not of the right kind";
        throw error(referrerPath, problem + " (allowed: " + allowed + ")");
    }

    /**
     * The experiments that {@code referrer} lists under {@code key}, in order, each checked to be
     * of {@code type}; a wrong name points at its place in the list.
     */
    public <T extends ExperimentSpec> List<T> references(String referrer, String key, List<String> names,
                                                         Class<T> type) {
        List<T> specs = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            specs.add(reference(names.get(i), type, List.of("experiments", referrer, key, Integer.toString(i))));
        }
        return specs;
    }

    /** A config error pointing at {@code path} (e.g. experiments, my-exp, runs, 3). */
    public UserError error(List<String> path, String problem) {
        String key = path.isEmpty() ? "" : path.get(path.size() - 1);
        return UserError.usage(where(fileName, locations, path) + ": " + key + ": " + problem);
    }

    static String where(String fileName, YamlLocations locations, List<String> path) {
        YamlLocations.Position p = locations.find(path);
        return p == null ? fileName : fileName + ":" + p.line() + ":" + p.column();
    }

    private static String oneLine(String s) {
        return s == null ? "" : s.strip().replaceAll("\\s*\\R\\s*", " ");
    }

    /** Turns Jackson's exceptions into one line that names the key and what is allowed. */
    private record BindingErrors(String fileName, YamlLocations locations, Collection<String> kinds) {
        private static final PropertyNamingStrategies.NamingBase SNAKE =
                (PropertyNamingStrategies.NamingBase) PropertyNamingStrategies.SNAKE_CASE;

        UserError translate(JacksonException e) {
            Throwable root = e;
            while (root.getCause() != null && !(root instanceof MarkedYAMLException)) {
                root = root.getCause();
            }
            if (root instanceof MarkedYAMLException y) {
                return atLocation(e.getLocation(), "YAML syntax", oneLine(y.getProblem()));
            }
            if (!(e instanceof JsonMappingException m)) {
                return atLocation(e.getLocation(), "YAML", oneLine(e.getOriginalMessage()));
            }
            List<String> path = new ArrayList<>();
            for (JsonMappingException.Reference ref : m.getPath()) {
                path.add(ref.getFieldName() != null ? ref.getFieldName() : Integer.toString(ref.getIndex()));
            }
            if (e instanceof UnrecognizedPropertyException u) {
                String typeKey = SealedSubtypes.typeProperty(u.getReferringClass());
                Set<String> allowed = u.getKnownPropertyIds().stream().map(Object::toString)
                        .filter(k -> !k.equals("kind") && !k.equals(typeKey))
                        .collect(Collectors.toCollection(TreeSet::new));
                return at(path, unknownKey(u.getReferringClass(), allowed));
            }
            if (e instanceof InvalidTypeIdException t) {
                Class<?> base = t.getBaseType() == null ? null : t.getBaseType().getRawClass();
                List<String> names = SealedSubtypes.names(base);
                if (names.isEmpty()) { // an experiment's kind: registered by the modules, listed sorted
                    path.add("kind");
                    String allowed = String.join(", ", new TreeSet<>(kinds));
                    if (t.getTypeId() == null) {
                        return at(path, "is required (one of: " + allowed + ")");
                    }
                    return at(path, "unknown kind '" + t.getTypeId() + "' (allowed: " + allowed + ")");
                }
                String allowed = String.join(", ", names);
                if (t.getTypeId() == null && locations.keysAt(path).isEmpty()) {
                    // a scalar such as "optimizer: adam": Jackson reads it as a missing type key
                    return at(path, "expected a mapping with a '" + SealedSubtypes.typeProperty(base)
                            + "' key (one of: " + allowed + ")");
                }
                path.add(SealedSubtypes.typeProperty(base));
                if (t.getTypeId() == null) {
                    return at(path, "is required (one of: " + allowed + ")");
                }
                return at(path, "unknown value '" + t.getTypeId() + "' (allowed: " + allowed + ")");
            }
            if (e instanceof ValueInstantiationException vie) {
                // Jackson may build a record before it notices an unknown key; a misspelt key
                // is the real mistake behind "layers: is required", so it is reported first.
                UserError unknown = unknownKey(path, vie.getType() == null ? null : vie.getType().getRawClass());
                if (unknown != null) {
                    return unknown;
                }
                if (e.getCause() instanceof InvalidValue iv) {
                    path.add(iv.key());
                    return at(path, iv.getMessage());
                }
            }
            if (e instanceof InvalidFormatException f) {
                Class<?> target = f.getTargetType();
                if (target != null && target.isEnum()) {
                    String allowed = Arrays.stream(target.getEnumConstants()).map(Object::toString)
                            .collect(Collectors.joining(", "));
                    return at(path, "unknown value '" + f.getValue() + "' (allowed: " + allowed + ")");
                }
                return at(path, "expected " + describe(target) + ", got '" + f.getValue() + "'");
            }
            if (e instanceof MismatchedInputException mi) {
                Class<?> target = mi.getTargetType();
                if (target == null && path.size() <= 1) {
                    return at(path, "expected a top-level 'experiments:' mapping of names to experiments");
                }
                return at(path, "expected " + describe(target));
            }
            if (e.getCause() instanceof InvalidValue iv) {
                path.add(iv.key());
                return at(path, iv.getMessage());
            }
            return at(path, oneLine(e.getOriginalMessage()));
        }

        private UserError unknownKey(List<String> path, Class<?> type) {
            if (type == null || !type.isRecord()) {
                return null;
            }
            Set<String> known = new TreeSet<>();
            for (var component : type.getRecordComponents()) {
                known.add(SNAKE.translate(component.getName()));
            }
            String typeKey = SealedSubtypes.typeProperty(type);
            for (String key : locations.keysAt(path)) {
                if (!known.contains(key) && !key.equals("kind") && !key.equals(typeKey)) {
                    List<String> keyPath = new ArrayList<>(path);
                    keyPath.add(key);
                    return at(keyPath, unknownKey(type, known));
                }
            }
            return null;
        }

        /**
         * "unknown key (allowed: a, b)"; for a record chosen by a {@code type:}-like key "(allowed
         * for type moons: n, noise, seed)", or "(type mnist takes no other keys)".
         */
        private static String unknownKey(Class<?> type, Set<String> allowed) {
            JsonTypeName name = type == null ? null : type.getAnnotation(JsonTypeName.class);
            if (name == null) {
                return "unknown key (allowed: " + String.join(", ", allowed) + ")";
            }
            if (allowed.isEmpty()) {
                return "unknown key (type " + name.value() + " takes no other keys)";
            }
            return "unknown key (allowed for type " + name.value() + ": " + String.join(", ", allowed) + ")";
        }

        private UserError at(List<String> path, String problem) {
            String key = path.isEmpty() ? "experiments" : path.get(path.size() - 1);
            YamlLocations.Position p = locations.find(path);
            String where = p == null ? fileName : fileName + ":" + p.line() + ":" + p.column();
            return UserError.usage(where + ": " + key + ": " + problem);
        }

        private UserError atLocation(JsonLocation loc, String key, String problem) {
            String where = loc == null || loc.getLineNr() < 1 ? fileName
                    : fileName + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            return UserError.usage(where + ": " + key + ": " + problem);
        }

        private static String describe(Class<?> target) {
            if (target == null) {
                return "a different value";
            }
            if (target == Integer.class || target == int.class || target == Long.class || target == long.class) {
                return "a whole number";
            }
            if (target == Double.class || target == double.class || target == Float.class) {
                return "a number";
            }
            if (target == Boolean.class || target == boolean.class) {
                return "true or false";
            }
            if (target == String.class) {
                return "a text value";
            }
            if (List.class.isAssignableFrom(target) || target.isArray()) {
                return "a list, e.g. [2, 3, 2]";
            }
            if (target.isEnum()) {
                return "one of " + Arrays.toString(target.getEnumConstants());
            }
            if (target.isSealed()) {
                return "a mapping with a '" + SealedSubtypes.typeProperty(target) + "' key";
            }
            if (Map.class.isAssignableFrom(target) || target.isRecord() || ExperimentSpec.class.isAssignableFrom(target)) {
                return "a mapping of keys to values";
            }
            return Objects.toString(target.getSimpleName());
        }
    }
}
