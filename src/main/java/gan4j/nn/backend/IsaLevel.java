package gan4j.nn.backend;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * x86-64 instruction-set levels for which nd4j-native ships builds, and detection from CPU flags.
 *
 * <p>The required flags mirror libnd4j's own {@code isMinimalRequirementsMet()}: the AVX2 builds need AVX and
 * AVX2 (we also ask for FMA and F16C, which every AVX2 CPU has and the compiler may emit), the AVX-512 builds
 * are compiled for skylake-avx512 and need AVX-512 F, CD, BW, DQ and VL. Running a build on a CPU without its
 * instructions ends the JVM ({@code CpuNDArrayFactory.createBlas} calls {@code System.exit(1)}) or crashes it,
 * so the level is decided here, before the native library loads.
 */
public enum IsaLevel {
    GENERIC(List.of()),
    AVX2(List.of("avx", "avx2", "fma", "f16c")),
    AVX512(List.of("avx", "avx2", "fma", "f16c", "avx512f", "avx512cd", "avx512bw", "avx512dq", "avx512vl"));

    private final List<String> requiredFlags;

    IsaLevel(List<String> requiredFlags) {
        this.requiredFlags = requiredFlags;
    }

    /** Whether a CPU with these flags (lower case, as in /proc/cpuinfo) can run builds of this level. */
    public boolean supportedBy(Set<String> cpuFlags) {
        return cpuFlags.containsAll(requiredFlags);
    }

    /** Highest level the flags support. */
    public static IsaLevel best(Set<String> cpuFlags) {
        IsaLevel best = GENERIC;
        for (IsaLevel l : values()) {
            if (l.supportedBy(cpuFlags)) {
                best = l;
            }
        }
        return best;
    }

    /** Parses generic|avx2|avx512 (case-insensitive); null for auto/empty; throws on anything else. */
    public static IsaLevel parse(String s) {
        if (s == null) {
            return null;
        }
        String v = s.trim().toLowerCase(Locale.ROOT);
        switch (v) {
            case "":
            case "auto":
                return null;
            case "generic":
            case "x86-64":
            case "x86_64":
                return GENERIC;
            case "avx2":
                return AVX2;
            case "avx512":
            case "avx-512":
                return AVX512;
            default:
                throw new IllegalArgumentException("unknown native variant '" + s + "' (expected auto, generic, avx2 or avx512)");
        }
    }

    /** The flags of the first processor in a /proc/cpuinfo text; empty when there is no flags line. */
    public static Set<String> parseCpuinfoFlags(String cpuinfo) {
        for (String line : cpuinfo.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals("flags")) {
                Set<String> flags = new HashSet<>(Arrays.asList(line.substring(colon + 1).trim().toLowerCase(Locale.ROOT).split("\\s+")));
                flags.remove("");
                return Collections.unmodifiableSet(flags);
            }
        }
        return Set.of();
    }

    /** Flags of this machine's CPU from /proc/cpuinfo; empty (meaning: generic only) when unreadable. */
    public static Set<String> hostCpuFlags() {
        try {
            return parseCpuinfoFlags(Files.readString(Path.of("/proc/cpuinfo")));
        } catch (IOException | RuntimeException e) {
            return Set.of();
        }
    }
}
