package gan4j.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.config.ModelConfig.Norm;
import gan4j.nn.ConditionedCritic;
import gan4j.nn.ConditionedGenerator;
import gan4j.nn.Conditioning;
import gan4j.nn.GraphNetwork;
import gan4j.nn.layer.SpectralNormFreezer;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;

/**
 * SNGAN's conditional ResNets: a projection critic over the pooled features (spectrally normalized
 * head with an SN critic) and a generator whose every BatchNorm is class-conditional, in float64.
 */
class ResnetProjectionTest {

    private static final int CLASSES = 3;
    private static final int LATENT = 8;
    private static final int[] LABELS = {0, 2, 1, 2};
    private static final int[] OTHERS = {1, 0, 2, 0};

    private static Resnet resnet(Norm criticNorm) {
        return new Resnet(28, 1, LATENT, 2, 2, 0, Norm.BATCH, criticNorm, true);
    }

    private static Architecture.NetworkSpec spec() {
        return new Architecture.NetworkSpec(CLASSES, 11, new Adam(1e-3), DataType.DOUBLE);
    }

    private static ConditionedCritic critic(Norm norm) {
        return new ConditionedCritic(resnet(norm).newDiscriminator(spec()), Conditioning.oneHot(CLASSES));
    }

    private static INDArray samples() {
        Nd4j.getRandom().setSeed(5);
        return Nd4j.rand(DataType.DOUBLE, LABELS.length, 1, 28, 28).muli(2).subi(1);
    }

    @Test
    void theCriticConvolvesOnlySamplesAndEmbedsEachClassOverItsPooledFeatures() {
        Map<String, INDArray> spectral = critic(Norm.SPECTRAL).network().paramTable();
        assertEquals(1, spectral.get("down0_conv1_W").size(1), "the first convolution reads the sample channel only");
        assertArrayEquals(new long[] {CLASSES, 4}, spectral.get("embed_W").shape(),
                "one embedding row per class over the 4 summed channels of the last block");
        assertFalse(spectral.containsKey("embed_b"), "with spectral norm ψ is its own layer");
        assertTrue(spectral.containsKey("psi_u") && spectral.containsKey("embed_u"),
                "ψ and the embedding are spectrally normalized: " + spectral.keySet());
        Map<String, INDArray> plain = critic(Norm.NONE).network().paramTable();
        assertEquals(4, plain.get("embed_b").length(), "without it, ψ is the embedding's bias");
        assertFalse(plain.containsKey("output_W"));
    }

    @Test
    void labelsChangeTheScoreOnlyThroughTheEmbedding() {
        for (Norm norm : new Norm[] {Norm.SPECTRAL, Norm.NONE}) {
            ConditionedCritic critic = critic(norm);
            INDArray x = samples();
            // Scoring is a training pass, which moves u: held still, so that only the labels differ.
            SpectralNormFreezer.stopIterating(((GraphNetwork) critic.network()).model());
            assertNotEquals(critic.score(x, LABELS).dup(), critic.score(x, OTHERS).dup(), norm.toString());
            INDArray embedding = critic.network().paramTable().get("embed_W");
            // Equal rows, not zero ones: σ of a zero matrix is 0 and spectral norm would divide by it.
            embedding.assign(embedding.getRow(0).broadcast(embedding.shape()));
            assertEquals(critic.score(x, LABELS).dup(), critic.score(x, OTHERS).dup(),
                    norm + ": one embedding for every class leaves the label no other way in");
            critic.network().releaseActivations();
        }
    }

    /** What G trains through: the sample gradient, embedding term included, with u held still. */
    @Test
    void spectralCriticSampleGradientMatchesFiniteDifferences() {
        ConditionedCritic critic = critic(Norm.SPECTRAL);
        INDArray x = samples();
        for (int pass = 0; pass < 3; pass++) {
            critic.score(x, LABELS);
        }
        SpectralNormFreezer.stopIterating(((GraphNetwork) critic.network()).model());
        ConditionChecks.sampleGradientMatchesFiniteDifferences(critic, x, LABELS,
                Nd4j.create(new double[][] {{0.7}, {-1.3}, {0.4}, {1.1}}), 1e-7);
    }

    @Test
    void everyGeneratorNormHasAGainAndShiftPerClass() {
        Map<String, INDArray> params = resnet(Norm.SPECTRAL).newGenerator(spec()).paramTable();
        assertEquals(LATENT + CLASSES, params.get("dense_W").size(0), "the first layer reads latent and one-hot");
        // 28 px: a 7×7 map of 4 channels, blocks to 2 channels, then the last norm before the output.
        assertArrayEquals(new long[] {CLASSES, 4}, params.get("up0_bn1_gain_W").shape());
        assertArrayEquals(new long[] {CLASSES, 2}, params.get("up0_bn2_shift_W").shape());
        assertArrayEquals(new long[] {CLASSES, 2}, params.get("bn_gain_W").shape());
    }

    @Test
    void beyondTheFirstLayerLabelsActThroughTheGainsAndShifts() {
        ConditionedGenerator g = new ConditionedGenerator(resnet(Norm.SPECTRAL).newGenerator(spec()),
                Conditioning.oneHot(CLASSES));
        Map<String, INDArray> params = g.network().paramTable();
        params.get("dense_W").get(NDArrayIndex.interval(LATENT, LATENT + CLASSES)).assign(0);
        Nd4j.getRandom().setSeed(5);
        INDArray z = Nd4j.randn(DataType.DOUBLE, LABELS.length, LATENT, 1, 1);
        ConditionChecks.labelsActOnlyThroughGainsAndShifts(g, z, LABELS, OTHERS);
    }
}
