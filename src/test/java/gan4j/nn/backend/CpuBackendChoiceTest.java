package gan4j.nn.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** The pure part of the native-build choice: flags, preferences, overrides and fallbacks. */
class CpuBackendChoiceTest {

    static final Set<String> SKYLAKE = Set.of("sse4_2", "avx", "avx2", "fma", "f16c", "avx512f", "avx512cd",
            "avx512bw", "avx512dq", "avx512vl");
    static final Set<String> HASWELL = Set.of("sse4_2", "avx", "avx2", "fma", "f16c");
    static final Set<String> OLD = Set.of("sse4_2", "avx");
    /** Xeon Phi style: AVX-512F but not BW/DQ/VL, so not enough for a skylake-avx512 build. */
    static final Set<String> KNL = Set.of("avx", "avx2", "fma", "f16c", "avx512f", "avx512cd");

    /** What the pom ships: default + onednn-avx512 + onednn-avx2. */
    static final Predicate<NativeVariant> POM = EnumSet.of(NativeVariant.GENERIC, NativeVariant.ONEDNN_AVX512,
            NativeVariant.ONEDNN_AVX2)::contains;

    static NativeVariant pick(Set<String> flags, Predicate<NativeVariant> present, IsaLevel forced, boolean oneDnn) {
        return CpuBackend.choose(true, flags, present, forced, oneDnn, true).variant();
    }

    @Test
    void parsesCpuinfoFlagsOfFirstProcessor() {
        String cpuinfo = "processor\t: 0\nvendor_id\t: GenuineIntel\nflags\t\t: fpu sse avx AVX2 fma\n\n"
                + "processor\t: 1\nflags\t\t: fpu\n";
        assertEquals(Set.of("fpu", "sse", "avx", "avx2", "fma"), IsaLevel.parseCpuinfoFlags(cpuinfo));
        assertEquals(Set.of(), IsaLevel.parseCpuinfoFlags("processor : 0\n"));
    }

    @Test
    void isaLevelFromFlags() {
        assertEquals(IsaLevel.AVX512, IsaLevel.best(SKYLAKE));
        assertEquals(IsaLevel.AVX2, IsaLevel.best(HASWELL));
        assertEquals(IsaLevel.AVX2, IsaLevel.best(KNL));
        assertEquals(IsaLevel.GENERIC, IsaLevel.best(OLD));
        assertEquals(IsaLevel.GENERIC, IsaLevel.best(Set.of()));
    }

    @Test
    void parsesOverrides() {
        assertNull(IsaLevel.parse(null));
        assertNull(IsaLevel.parse(" Auto "));
        assertEquals(IsaLevel.AVX512, IsaLevel.parse("AVX512"));
        assertEquals(IsaLevel.GENERIC, IsaLevel.parse("generic"));
        assertThrows(IllegalArgumentException.class, () -> IsaLevel.parse("sse9"));
        assertTrue(CpuBackend.parseFlag(null, "x", true));
        assertFalse(CpuBackend.parseFlag("0", "x", true));
        assertTrue(CpuBackend.parseFlag("on", "x", false));
        assertThrows(IllegalArgumentException.class, () -> CpuBackend.parseFlag("maybe", "x", true));
    }

    @Test
    void picksBestOneDnnBuildTheCpuCanRun() {
        assertEquals(NativeVariant.ONEDNN_AVX512, pick(SKYLAKE, POM, null, true));
        assertEquals(NativeVariant.ONEDNN_AVX2, pick(HASWELL, POM, null, true));
        assertEquals(NativeVariant.ONEDNN_AVX2, pick(KNL, POM, null, true));
        assertEquals(NativeVariant.GENERIC, pick(OLD, POM, null, true));
        assertEquals(NativeVariant.GENERIC, pick(Set.of(), POM, null, true));
    }

    @Test
    void forcedLevelIsACapNeverARaise() {
        assertEquals(NativeVariant.ONEDNN_AVX2, pick(SKYLAKE, POM, IsaLevel.AVX2, true));
        assertEquals(NativeVariant.GENERIC, pick(SKYLAKE, POM, IsaLevel.GENERIC, true));
        CpuBackend.Choice c = CpuBackend.choose(true, HASWELL, POM, IsaLevel.AVX512, true, true);
        assertEquals(NativeVariant.ONEDNN_AVX2, c.variant());
        assertTrue(c.notes().get(0).contains("refused"), c.notes().toString());
    }

    @Test
    void oneDnnOffChoosesAPlainBuildAndNoHelpers() {
        CpuBackend.Choice c = CpuBackend.choose(true, SKYLAKE, POM, null, false, true);
        assertEquals(NativeVariant.GENERIC, c.variant());
        assertFalse(c.helpers());
        Predicate<NativeVariant> all = v -> true;
        assertEquals(NativeVariant.AVX512, pick(SKYLAKE, all, null, false));
    }

    @Test
    void oneDnnBeatsInstructionSetAndMissingJarsFallBack() {
        Predicate<NativeVariant> all = v -> true;
        assertEquals(NativeVariant.ONEDNN_AVX512, pick(SKYLAKE, all, null, true));
        assertEquals(NativeVariant.ONEDNN, pick(OLD, all, null, true));
        // only plain AVX-512 and onednn-avx2 present: oneDNN first
        Predicate<NativeVariant> some = EnumSet.of(NativeVariant.AVX512, NativeVariant.ONEDNN_AVX2, NativeVariant.GENERIC)::contains;
        assertEquals(NativeVariant.ONEDNN_AVX2, pick(SKYLAKE, some, null, true));
        // nothing usable
        CpuBackend.Choice none = CpuBackend.choose(true, SKYLAKE, v -> false, null, true, true);
        assertNull(none.variant());
        assertFalse(none.helpers());
    }

    @Test
    void helpersFollowOneDnnAndTheirOwnSwitch() {
        assertTrue(CpuBackend.choose(true, SKYLAKE, POM, null, true, true).helpers());
        assertFalse(CpuBackend.choose(true, SKYLAKE, POM, null, true, false).helpers());
        assertFalse(CpuBackend.choose(true, OLD, POM, null, true, true).helpers());
    }

    @Test
    void leavesOtherPlatformsToJavaCpp() {
        CpuBackend.Choice c = CpuBackend.choose(false, SKYLAKE, POM, null, true, true);
        assertNull(c.variant());
    }

    @Test
    void javacppExtensionValues() {
        assertEquals("-onednn-avx512", NativeVariant.ONEDNN_AVX512.javacppExtension());
        assertEquals("-", NativeVariant.GENERIC.javacppExtension());
        assertEquals("org/nd4j/linalg/cpu/nativecpu/bindings/linux-x86_64-onednn-avx2/libnd4jcpu.so",
                NativeVariant.ONEDNN_AVX2.libraryResource());
    }
}
