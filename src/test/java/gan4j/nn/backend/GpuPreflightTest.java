package gan4j.nn.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class GpuPreflightTest {

    private static GpuPreflight.Verdict on(String nvidiaSmiLine) {
        return GpuPreflight.judge(Optional.of("11.6"),
                new GpuPreflight.Detection(GpuDevice.parse(nvidiaSmiLine), ""));
    }

    /** Real devices with the compute capability nvidia-smi reports for them. */
    @ParameterizedTest(name = "{0} ({1})")
    @CsvSource({
        "Tesla K80, 3.7, true",
        "Tesla V100-SXM2-32GB, 7.0, true",
        "Tesla T4, 7.5, true",
        "NVIDIA A100-SXM4-80GB, 8.0, true",
        "NVIDIA A10, 8.6, true",
        "NVIDIA L4, 8.9, true",
        "NVIDIA GeForce RTX 4090, 8.9, true",
        "NVIDIA H100 80GB HBM3, 9.0, false",
        "NVIDIA H200, 9.0, false",
        "NVIDIA B200, 10.0, false",
        "Tesla K40m, 3.5, false"})
    void theCuda116BuildRunsFromKeplerK80ToAdaAndNotOnHopperOrNewer(String name, String capability,
                                                                   boolean runs) {
        GpuPreflight.Verdict verdict = on(name + ", " + capability + ", 16384, 535.104.05");
        assertEquals(!runs, verdict.refusal().isPresent(), verdict.toString());
        assertTrue(verdict.lines().get(0).startsWith("GPU 0: " + name + " (compute capability " + capability));
        verdict.refusal().ifPresent(sentence -> {
            assertTrue(sentence.startsWith("GPU 0, " + name + ", has compute capability " + capability
                    + ", which ND4J's CUDA 11.6 build cannot run (it holds machine code for sm_37 to sm_86 and no"
                    + " PTX)"), sentence);
            assertTrue(sentence.contains("Ampere/Ada") && sentence.contains("-Dcuda.version=12.1"), sentence);
            assertEquals(1, sentence.lines().count());
        });
    }

    @Test
    void anyUnusableVisibleGpuStopsTheBuildAndNamesIt() {
        GpuPreflight.Verdict verdict = on("NVIDIA A100-SXM4-80GB, 8.0, 81920, 550.54\n"
                + "NVIDIA H100 80GB HBM3, 9.0, 81559, 550.54\n");
        assertTrue(verdict.refusal().orElseThrow().startsWith("GPU 1, NVIDIA H100 80GB HBM3,"));
    }

    @Test
    void theCudaBuildWithoutAGpuStopsAndTheCpuBuildDoesNot() {
        GpuPreflight.Detection none = new GpuPreflight.Detection(List.of(), "no nvidia-smi on the PATH");
        assertTrue(GpuPreflight.judge(Optional.of("11.6"), none).refusal().orElseThrow()
                .contains("no NVIDIA GPU is visible (no nvidia-smi on the PATH)"));
        assertEquals(Optional.empty(), GpuPreflight.judge(Optional.empty(), none).refusal());
        assertEquals(Optional.empty(), GpuPreflight.judge(Optional.empty(),
                new GpuPreflight.Detection(GpuDevice.parse("NVIDIA H100 80GB HBM3, 9.0, 81559, 550.54"), ""))
                .refusal(), "the CPU build does not care which GPU is there");
    }

    @Test
    void aBuildWithoutATableIsNotCheckedAndSaysSo() {
        GpuPreflight.Verdict verdict = GpuPreflight.judge(Optional.of("12.1"),
                new GpuPreflight.Detection(GpuDevice.parse("NVIDIA H100 80GB HBM3, 9.0, 81559, 550.54"), ""));
        assertEquals(Optional.empty(), verdict.refusal());
        assertTrue(verdict.lines().get(1).contains("not checked"), verdict.lines().toString());
    }

    @Test
    void nvidiaSmiLinesThatCannotBeReadAreNamed() {
        assertThrows(IllegalArgumentException.class, () -> GpuDevice.parse("Tesla K80, [N/A], 11441, 470.82"));
        assertEquals(new ComputeCapability(8, 6), ComputeCapability.parse("8.6"));
        assertEquals("sm_86", new ComputeCapability(8, 6).sm());
        assertEquals(Optional.empty(), CudaBuild.onClassPath(), "the tests run on the CPU build");
    }
}
