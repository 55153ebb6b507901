package lab.spark;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.ObjectStreamClass;
import java.io.Serializable;
import java.io.UncheckedIOException;

/**
 * Java serialisation to and from bytes. Task inputs and results cross Spark as byte arrays, so
 * Spark's Kryo (set up for ND4J arrays) never has to handle the project's records.
 */
final class Serialized {
    private Serialized() {
    }

    static byte[] bytes(Serializable value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ObjectOutputStream objects = new ObjectOutputStream(out)) {
            objects.writeObject(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Resolves classes through the thread's context loader: on an executor, the one holding the application jars. */
    @SuppressWarnings("unchecked")
    static <T> T value(byte[] bytes) {
        try (ObjectInputStream in = new ContextLoaderInput(new ByteArrayInputStream(bytes))) {
            return (T) in.readObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("class not on this JVM's class path: " + e.getMessage(), e);
        }
    }

    private static final class ContextLoaderInput extends ObjectInputStream {
        ContextLoaderInput(InputStream in) throws IOException {
            super(in);
        }

        @Override
        protected Class<?> resolveClass(ObjectStreamClass desc) throws IOException, ClassNotFoundException {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                return super.resolveClass(desc);
            }
            try {
                return Class.forName(desc.getName(), false, loader);
            } catch (ClassNotFoundException e) {
                return super.resolveClass(desc);
            }
        }
    }
}
