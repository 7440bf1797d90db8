package gan4j.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import gan4j.config.ModelConfig.Norm;
import gan4j.nn.ConditionedGenerator;
import gan4j.nn.Conditioning;
import gan4j.nn.Network;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The projection GAN's generator: the label reaches G through the one-hot on its latent and through
 * each BatchNorm's class gain and shift.
 */
class ClassConditionalGeneratorTest {

    private static final int CLASSES = 3;
    private static final int LATENT = 8;
    private static final int[] LABELS = {0, 2, 1, 2};

    private static ConditionedGenerator generator(Norm norm) {
        Dcgan dcgan = new Dcgan(28, 1, LATENT, 4, 4, norm, Norm.NONE, true);
        Network network = dcgan.newGenerator(new Architecture.NetworkSpec(CLASSES, 11, new Adam(1e-3),
                DataType.DOUBLE));
        return new ConditionedGenerator(network, Conditioning.oneHot(CLASSES));
    }

    private static INDArray latents() {
        Nd4j.getRandom().setSeed(5);
        return Nd4j.randn(DataType.DOUBLE, LABELS.length, LATENT, 1, 1);
    }

    @Test
    void theFirstLayerReadsLatentAndOneHotAndEachNormHasOneGainAndShiftPerClass() {
        Map<String, INDArray> params = generator(Norm.BATCH).network().paramTable();
        assertEquals(LATENT + CLASSES, params.get("deconv0_W").size(0));
        assertArrayEquals(new long[] {CLASSES, 8}, params.get("norm0_gain_W").shape());
        assertArrayEquals(new long[] {CLASSES, 4}, params.get("norm1_shift_W").shape());
        assertEquals(CLASSES, params.get("norm0_gain_W").sumNumber().doubleValue() / 8, 1e-12,
                "every gain starts at 1");
        assertEquals(0, params.get("norm1_shift_W").norm2Number().doubleValue(), 0, "every shift starts at 0");
    }

    @Test
    void beyondTheFirstLayerLabelsActThroughTheGainsAndShifts() {
        for (Norm norm : new Norm[] {Norm.BATCH, Norm.NONE}) {
            ConditionedGenerator g = generator(norm);
            Map<String, INDArray> params = g.network().paramTable();
            // The first layer's weights from the one-hot: zero, so only the norms see the label.
            params.get("deconv0_W").get(NDArrayIndex.interval(LATENT, LATENT + CLASSES)).assign(0);
            INDArray a = ConditionChecks.labelsActOnlyThroughGainsAndShifts(g, latents(), LABELS,
                    new int[] {1, 0, 2, 0});
            assertNotEquals(a, g.generate(latents(), LABELS).dup(), norm + ": the gains and shifts were reset");
            g.network().releaseActivations();
        }
    }
}
