package lab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which limit an OutOfMemoryError names, however deep ND4J or DL4J wrapped it. */
class OutOfMemoryTest {
    /** As JavaCPP's Pointer throws them: "Cannot allocate ..." caused by the limit that was hit. */
    static OutOfMemoryError javacpp(String limit) {
        OutOfMemoryError cause = new OutOfMemoryError(limit);
        OutOfMemoryError e = new OutOfMemoryError("Cannot allocate new LongPointer(2): totalBytes = 1K, "
                + "physicalBytes = 190M");
        e.initCause(cause);
        return e;
    }

    @Test
    void offHeapLimitInsideNd4jWrapper() {
        RuntimeException wrapped = new RuntimeException("op failed",
                new IllegalStateException(javacpp("Failed to allocate memory within limits: totalBytes (1K + 8) "
                        + "> maxBytes (1K)")));
        String line = OutOfMemory.describe(wrapped).orElseThrow();
        assertTrue(line.startsWith("out of memory: native (off-heap) memory reached the limit "
                + "org.bytedeco.javacpp.maxbytes="), line);
        assertTrue(line.contains("(Failed to allocate memory within limits: totalBytes (1K + 8) > maxBytes (1K)); "
                + "raise -Dorg.bytedeco.javacpp.maxbytes in .mvn/jvm.config"), line);
    }

    @Test
    void physicalLimit() {
        String line = OutOfMemory.describe(javacpp("Physical memory usage is too high: physicalBytes (7G) > "
                + "maxPhysicalBytes (6G)")).orElseThrow();
        assertTrue(line.startsWith("out of memory: the process reached the physical memory limit "
                + "org.bytedeco.javacpp.maxphysicalbytes="), line);
        assertTrue(line.contains("raise -Dorg.bytedeco.javacpp.maxphysicalbytes in .mvn/jvm.config"), line);
    }

    @Test
    void javaHeapAndOthers() {
        assertTrue(OutOfMemory.describe(new OutOfMemoryError("Java heap space")).orElseThrow()
                .startsWith("out of memory: the Java heap reached its limit -Xmx ("));
        assertTrue(OutOfMemory.describe(new OutOfMemoryError("Direct buffer memory")).orElseThrow()
                .startsWith("out of memory: direct buffers reached -XX:MaxDirectMemorySize"));
        assertEquals(Optional.empty(), OutOfMemory.describe(new IllegalStateException("not memory")));
        for (String line : new String[] {OutOfMemory.describe(new OutOfMemoryError()).orElseThrow(),
                OutOfMemory.describe(new OutOfMemoryError("Metaspace")).orElseThrow()}) {
            assertTrue(line.startsWith("out of memory (") && !line.contains("\n"), line);
        }
    }
}
