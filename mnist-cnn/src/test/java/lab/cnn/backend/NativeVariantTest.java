package lab.cnn.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class NativeVariantTest {
    @Test
    void picksTheBestBuildTheFlagsAllow() {
        assertEquals("-onednn-avx512", NativeVariant.forFlags(Set.of("avx2", "fma", "avx512f", "avx512bw", "avx512dq", "avx512vl")));
        assertEquals("-onednn-avx2", NativeVariant.forFlags(Set.of("avx2", "fma", "avx512f")));
        assertEquals("-onednn", NativeVariant.forFlags(Set.of("sse4_2", "avx")));
        assertEquals("-onednn", NativeVariant.forFlags(Set.of()));
    }

    @Test
    void theTestJvmRunsTheSelectedOneDnnBuild() {
        // -Pavx2 (lab.core.cpu.IsaPath.AVX2) asks for the AVX2 build on any machine
        String expected = lab.core.cpu.IsaPath.AVX2.activeHere() ? "-onednn-avx2"
                : NativeVariant.forFlags(NativeVariant.cpuFlags());
        assertEquals(expected, System.getProperty(NativeVariant.EXTENSION_PROPERTY));
        Nd4j.create(1); // loads the backend
        assertTrue(org.nd4j.nativeblas.Nd4jCpu.Environment.getInstance().isUseMKLDNN(),
                "oneDNN is on in the loaded build");
    }
}
