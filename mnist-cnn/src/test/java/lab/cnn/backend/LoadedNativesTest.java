package lab.cnn.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;

class LoadedNativesTest {
    @Test
    void classifierFromJavaCppsCachePath() {
        assertEquals("linux-x86_64-onednn-avx512", LoadedNatives.classifierOf("/root/.javacpp/cache/"
                + "nd4j-native-1.0.0-M2.1-linux-x86_64-onednn-avx512.jar/org/nd4j/linalg/cpu/nativecpu/bindings/"
                + "linux-x86_64-onednn-avx512/libnd4jcpu.so"));
        assertEquals("linux-x86_64", LoadedNatives.classifierOf("/home/u/.javacpp/cache/"
                + "nd4j-native-1.0.0-M2.1-linux-x86_64.jar/org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64/"
                + "libjnind4jcpu.so"));
        assertEquals("linux-x86_64-onednn-avx2", LoadedNatives.classifierOf(
                "/tmp/javacpp123/org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx2/libnd4jcpu.so"));
        assertEquals("unknown", LoadedNatives.classifierOf("/usr/lib/libnd4jcpu.so"));
    }

    @Test
    void readsTheMappedLibraryOffMaps(@TempDir Path dir) throws IOException {
        Path maps = dir.resolve("maps");
        Files.writeString(maps, String.join("\n",
                "7f00 r-xp 00000000 08:01 1 /root/.javacpp/cache/nd4j-native-1.0.0-M2.1-linux-x86_64-onednn.jar/"
                        + "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn/libjnind4jcpu.so",
                "7f10 r-xp 00000000 08:01 2 /root/.javacpp/cache/nd4j-native-1.0.0-M2.1-linux-x86_64-onednn.jar/"
                        + "org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn/libnd4jcpu.so (deleted)",
                "7f20 r--p 00000000 00:00 0 [heap]"));
        String path = LoadedNatives.fromMaps(maps).orElseThrow();
        assertTrue(path.endsWith("/linux-x86_64-onednn/libnd4jcpu.so"), path);
    }

    @Test
    void theTestJvmLoadedTheSelectedBuild() {
        Nd4j.create(1);
        LoadedNatives natives = LoadedNatives.observe().orElseThrow();
        assertEquals("linux-x86_64" + System.getProperty(NativeVariant.EXTENSION_PROPERTY), natives.classifier(),
                natives.library());
        assertTrue(natives.hasOneDnn());
    }
}
