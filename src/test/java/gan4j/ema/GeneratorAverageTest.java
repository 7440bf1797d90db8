package gan4j.ema;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.config.ConfigLoader;
import gan4j.config.GanConfig;
import gan4j.config.TrainConfig;
import gan4j.model.GanModel;
import gan4j.model.GanModels;
import gan4j.model.ModelSpec;
import gan4j.nn.Network;
import gan4j.train.RunEvent;
import gan4j.train.TrainingState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class GeneratorAverageTest {

    private static GanModel dcgan(String ema) {
        GanConfig config = new ConfigLoader().parse("""
                model: {architecture: dcgan, latent_size: 8, generator_width: 4, discriminator_width: 4}
                train: {ema: %s}
                """.formatted(ema), "ema.yaml", "ema", List.of());
        return GanModels.create(config, new ModelSpec(new long[] {1, 28, 28}, List.of("all"), 1.0), "28px");
    }

    @Test
    void theAverageStartsAsGAndMovesByTheDecayWhileRunningStatisticsAreCopied() {
        GanModel model = dcgan("{decay: 0.9}");
        Network average = model.averageGenerator().orElseThrow();
        Network g = model.generator();
        assertArrayEquals(g.params().toDoubleVector(), average.params().toDoubleVector());
        assertTrue(average.updaterState() == null || average.updaterState().length() == 0,
                "the average carries no optimizer state");

        Nd4j.getRandom().setSeed(3);
        g.params().addi(Nd4j.randn(g.params().dataType(), g.params().shape()));
        Map<String, INDArray> before = copy(average.paramTable());
        Map<String, INDArray> trained = copy(g.paramTable());

        new GeneratorAverage(average, new TrainConfig.Ema(0.9, 0, 0))
                .on(new RunEvent.StepCompleted(new TrainingState(1), model.networks(), null));

        boolean sawStatistics = false;
        for (Map.Entry<String, INDArray> e : average.paramTable().entrySet()) {
            String name = e.getKey();
            boolean statistic = name.endsWith("_mean") || name.endsWith("_var") || name.endsWith("_log10stdev");
            sawStatistics |= statistic;
            INDArray expected = statistic ? trained.get(name)
                    : before.get(name).mul(0.9).add(trained.get(name).mul(0.1));
            assertArrayEquals(expected.ravel().toFloatVector(), e.getValue().ravel().toFloatVector(), 1e-6f, name);
        }
        assertTrue(sawStatistics, "a DCGAN generator has BatchNorm statistics to copy");
    }

    @Test
    void theDecayIsZeroUntilTheStartStepAndRampsUpLikeStyleGan2Ada() {
        GeneratorAverage delayed = new GeneratorAverage(null, new TrainConfig.Ema(0.999, 10, 0));
        assertEquals(0, delayed.decay(10));
        assertEquals(0.999, delayed.decay(11));

        GeneratorAverage ramped = new GeneratorAverage(null, new TrainConfig.Ema(0.999, 0, 0.05));
        // Half-life of 0.999: ln 0.5 / ln 0.999 = 692.8 steps; at step 100 it is capped at 0.05 · 100 = 5.
        assertEquals(Math.pow(0.5, 1 / 5.0), ramped.decay(100), 1e-12);
        assertEquals(0.999, ramped.decay(100_000), 1e-12);
    }

    @Test
    void aModelWithoutEmaHasNoAverage() {
        GanModel model = dcgan("null");
        assertTrue(model.averageGenerator().isEmpty());
    }

    private static Map<String, INDArray> copy(Map<String, INDArray> table) {
        Map<String, INDArray> out = new java.util.LinkedHashMap<>();
        table.forEach((k, v) -> out.put(k, v.dup()));
        return out;
    }
}
