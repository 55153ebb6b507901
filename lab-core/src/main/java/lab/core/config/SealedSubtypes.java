package lab.core.config;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.annotation.JsonTypeName;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedClass;
import com.fasterxml.jackson.databind.introspect.NopAnnotationIntrospector;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import java.util.ArrayList;
import java.util.List;

/**
 * The subtypes of a sealed config type are its permitted records, each named by its
 * {@code @JsonTypeName}: a new type (e.g. a dataset type) is a new record plus its name in the
 * {@code permits} clause, with no {@code @JsonSubTypes} list to keep in step.
 */
final class SealedSubtypes extends NopAnnotationIntrospector {

    @Override
    public List<NamedType> findSubtypes(Annotated a) {
        if (!(a instanceof AnnotatedClass) || !a.getRawType().isSealed()) {
            return null;
        }
        List<NamedType> types = new ArrayList<>();
        for (Class<?> sub : a.getRawType().getPermittedSubclasses()) {
            types.add(new NamedType(sub, typeName(sub)));
        }
        return types;
    }

    /** The names a sealed type accepts, in {@code permits} order; empty if it is not sealed. */
    static List<String> names(Class<?> base) {
        List<String> names = new ArrayList<>();
        if (base != null && base.isSealed()) {
            for (Class<?> sub : base.getPermittedSubclasses()) {
                names.add(typeName(sub));
            }
        }
        return names;
    }

    /** The property that carries {@code base}'s type id ({@code kind}, {@code type}), or null. */
    static String typeProperty(Class<?> type) {
        if (type == null) {
            return null;
        }
        JsonTypeInfo info = type.getAnnotation(JsonTypeInfo.class);
        if (info != null) {
            return info.property();
        }
        for (Class<?> parent : type.getInterfaces()) {
            String property = typeProperty(parent);
            if (property != null) {
                return property;
            }
        }
        return typeProperty(type.getSuperclass());
    }

    private static String typeName(Class<?> sub) {
        JsonTypeName name = sub.getAnnotation(JsonTypeName.class);
        if (name == null) {
            throw new IllegalStateException(sub.getName() + " is permitted by a sealed config type but has no "
                    + "@JsonTypeName: it could not be chosen in the file");
        }
        return name.value();
    }
}
