package lab.cnn.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import org.junit.jupiter.api.Test;

class CpuInfoTest {
    private static String cpu(int processor, int physicalId, int coreId, int cores, String flags) {
        return "processor\t: " + processor + "\nvendor_id\t: GenuineIntel\nmodel name\t: Intel(R) Xeon(R) Processor\n"
                + "physical id\t: " + physicalId + "\nsiblings\t: 4\ncore id\t\t: " + coreId + "\ncpu cores\t: " + cores
                + "\nflags\t\t: " + flags + "\n\n";
    }

    @Test
    void hyperThreadsOfOneCoreCountOnce() {
        String text = cpu(0, 0, 0, 2, "fma avx2") + cpu(1, 0, 1, 2, "fma avx2") + cpu(2, 0, 0, 2, "fma avx2")
                + cpu(3, 0, 1, 2, "fma avx2");
        CpuInfo info = CpuInfo.parse(text, null, 4);
        assertEquals(2, info.physicalCores());
        assertEquals("Intel(R) Xeon(R) Processor", info.model());
        assertEquals("avx2 fma", info.relevantFlags());
    }

    @Test
    void twoSocketsAndTheAffinityMask() {
        StringBuilder text = new StringBuilder();
        for (int p = 0; p < 8; p++) {
            text.append(cpu(p, p / 4, p % 4, 4, "avx512f avx512bw amx_tile"));
        }
        assertEquals(8, CpuInfo.parse(text.toString(), null, 8).physicalCores());
        BitSet allowed = CpuInfo.cpuList("0-1,5");
        assertEquals(3, CpuInfo.parse(text.toString(), allowed, 8).physicalCores());
        assertEquals(2, CpuInfo.parse(text.toString(), null, 2).physicalCores(), "capped by the CPU quota");
    }

    @Test
    void withoutCoreIdsTheCpuCoresFieldCounts() {
        String text = "processor\t: 0\ncpu cores\t: 1\nflags\t: sse4_2\n\nprocessor\t: 1\ncpu cores\t: 1\nflags\t: sse4_2\n";
        assertEquals(1, CpuInfo.parse(text, null, 2).physicalCores());
        assertEquals("sse4_2", CpuInfo.parse(text, null, 2).relevantFlags());
        assertEquals(1, CpuInfo.parse("", null, 1).physicalCores());
    }

    @Test
    void thisMachine() {
        CpuInfo info = CpuInfo.current();
        assertTrue(info.physicalCores() >= 1 && info.physicalCores() <= Runtime.getRuntime().availableProcessors());
        assertEquals(NativeVariant.cpuFlags(), info.flags());
    }
}
