package lab.cnn.search;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Map;

/**
 * A copy of a record with some components replaced, through its canonical constructor (so its
 * checks run): the components not named keep the original's values. Written against component
 * names, not positions, so a component added to the record later needs no change here.
 */
final class RecordCopy {
    private RecordCopy() {
    }

    static <R extends Record> R with(R original, Map<String, Object> replacements) {
        @SuppressWarnings("unchecked")
        Class<R> type = (Class<R>) original.getClass();
        RecordComponent[] components = type.getRecordComponents();
        Class<?>[] types = new Class<?>[components.length];
        Object[] values = new Object[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                String name = components[i].getName();
                types[i] = components[i].getType();
                values[i] = replacements.containsKey(name) ? replacements.get(name)
                        : components[i].getAccessor().invoke(original);
            }
            for (String name : replacements.keySet()) {
                if (java.util.Arrays.stream(components).noneMatch(c -> c.getName().equals(name))) {
                    throw new IllegalArgumentException(type.getSimpleName() + " has no component " + name);
                }
            }
            Constructor<R> canonical = type.getDeclaredConstructor(types);
            return canonical.newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime; // the record's own check, e.g. InvalidValue
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot copy " + type.getName(), e);
        }
    }
}
