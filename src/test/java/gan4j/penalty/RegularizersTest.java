package gan4j.penalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gan4j.config.RegularizerConfig;
import java.util.List;
import org.junit.jupiter.api.Test;

class RegularizersTest {

    @Test
    void buildsEachConfiguredRegularizer() {
        Regularizers r = Regularizers.from(List.of(
                new RegularizerConfig.GradientPenalty(10, "interpolates", 1, false, 0.1, 0.5),
                new RegularizerConfig.GradientPenalty(10, "data", 1, true, 0.1, 0.5),
                new RegularizerConfig.WeightClip(0.01),
                new RegularizerConfig.InstanceNoise(0.1, 1000)));

        assertEquals(2, r.penalties().size());
        assertInstanceOf(GradientPenalty.class, r.penalties().get(0));
        assertInstanceOf(WeightClip.class, r.constraints().get(0));
        assertInstanceOf(InstanceNoise.class, r.inputNoise());
    }

    @Test
    void nothingConfiguredMeansNoNoise() {
        Regularizers r = Regularizers.from(List.of());
        assertEquals(List.of(), r.penalties());
        assertEquals(List.of(), r.constraints());
        assertSame(InputNoise.NONE, r.inputNoise());
    }

    @Test
    void rejectsTwoInputNoises() {
        List<RegularizerConfig> twice = List.of(new RegularizerConfig.InstanceNoise(0.1, 10),
                new RegularizerConfig.InstanceNoise(0.2, 10));
        assertThrows(IllegalArgumentException.class, () -> Regularizers.from(twice));
    }
}
