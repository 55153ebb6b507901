package lab.cnn.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What /proc/cpuinfo says about the processors this process may run on: the model, the
 * instruction-set flags that decide which libnd4j/oneDNN kernels can run, and the number of
 * physical cores (hyper-threads of one core count once). Empty/fallback values where there is no
 * /proc (not Linux).
 *
 * @param model         "model name" of the first processor ("" if none)
 * @param flags         the flags of the first processor
 * @param physicalCores distinct (physical id, core id) pairs among the CPUs this process may use,
 *                      at most {@link Runtime#availableProcessors()} (a container's CPU quota)
 */
public record CpuInfo(String model, Set<String> flags, int physicalCores) {
    /** The flags that decide which kernels libnd4j and oneDNN pick, in the order they are reported. */
    public static final List<String> RELEVANT_FLAGS = List.of("sse4_2", "avx", "avx2", "fma", "f16c", "avx_vnni",
            "avx512f", "avx512dq", "avx512bw", "avx512vl", "avx512_vnni", "avx512_bf16", "avx512_fp16", "amx_tile",
            "amx_bf16", "amx_int8");

    private static volatile CpuInfo current;

    /** This machine's, read once. */
    public static CpuInfo current() {
        CpuInfo info = current;
        if (info == null) {
            info = read(Path.of("/proc/cpuinfo"), Path.of("/proc/self/status"),
                    Runtime.getRuntime().availableProcessors());
            current = info;
        }
        return info;
    }

    /** The relevant flags this CPU has, space-separated ("none" if none). */
    public String relevantFlags() {
        List<String> present = new ArrayList<>();
        for (String flag : RELEVANT_FLAGS) {
            if (flags.contains(flag)) {
                present.add(flag);
            }
        }
        return present.isEmpty() ? "none" : String.join(" ", present);
    }

    static CpuInfo read(Path cpuinfo, Path status, int availableProcessors) {
        String text;
        try {
            text = Files.readString(cpuinfo);
        } catch (IOException | RuntimeException e) {
            return new CpuInfo("", Set.of(), Math.max(1, availableProcessors));
        }
        BitSet allowed = null;
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("Cpus_allowed_list:")) {
                    allowed = cpuList(line.substring(line.indexOf(':') + 1));
                }
            }
        } catch (IOException | RuntimeException e) {
            allowed = null; // every CPU in /proc/cpuinfo counts
        }
        return parse(text, allowed, availableProcessors);
    }

    /**
     * Parses the text of /proc/cpuinfo. {@code allowed}: the CPUs (processor numbers) this process
     * may run on, or null for all.
     */
    static CpuInfo parse(String cpuinfo, BitSet allowed, int availableProcessors) {
        String model = "";
        Set<String> flags = null;
        Set<String> cores = new LinkedHashSet<>();
        int processors = 0;
        int processor = -1;
        String physicalId = "0";
        String coreId = null;
        int coresPerPackage = 0;
        Set<String> packages = new HashSet<>();
        for (String block : cpuinfo.split("\\n\\s*\\n")) {
            processor = -1;
            physicalId = "0";
            coreId = null;
            boolean any = false;
            for (String line : block.split("\\n")) {
                int colon = line.indexOf(':');
                if (colon < 0) {
                    continue;
                }
                String key = line.substring(0, colon).trim();
                String value = line.substring(colon + 1).trim();
                switch (key) {
                    case "processor" -> {
                        any = true;
                        try {
                            processor = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            processor = -1;
                        }
                    }
                    case "model name" -> {
                        if (model.isEmpty()) {
                            model = value;
                        }
                    }
                    case "flags" -> {
                        if (flags == null) {
                            flags = new HashSet<>(Arrays.asList(value.toLowerCase(Locale.ROOT).split("\\s+")));
                        }
                    }
                    case "physical id" -> physicalId = value;
                    case "core id" -> coreId = value;
                    case "cpu cores" -> {
                        try {
                            coresPerPackage = Integer.parseInt(value);
                        } catch (NumberFormatException e) {
                            // keep the previous value
                        }
                    }
                    default -> {
                    }
                }
            }
            if (!any || (allowed != null && processor >= 0 && !allowed.get(processor))) {
                continue;
            }
            processors++;
            packages.add(physicalId);
            if (coreId != null) {
                cores.add(physicalId + "/" + coreId);
            }
        }
        int physical;
        if (processors == 0) {
            physical = availableProcessors;
        } else if (!cores.isEmpty()) {
            physical = cores.size(); // hyper-threads share a core id
        } else {
            physical = coresPerPackage > 0 ? coresPerPackage * packages.size() : processors;
        }
        physical = Math.max(1, Math.min(physical, Math.max(1, availableProcessors)));
        return new CpuInfo(model, flags == null ? Set.of() : Set.copyOf(flags), physical);
    }

    /** "0-3,6,8-9" as a set of CPU numbers. */
    static BitSet cpuList(String list) {
        BitSet set = new BitSet();
        for (String part : list.trim().split(",")) {
            part = part.trim();
            if (part.isEmpty()) {
                continue;
            }
            int dash = part.indexOf('-');
            if (dash < 0) {
                set.set(Integer.parseInt(part));
            } else {
                set.set(Integer.parseInt(part.substring(0, dash).trim()),
                        Integer.parseInt(part.substring(dash + 1).trim()) + 1);
            }
        }
        return set;
    }
}
