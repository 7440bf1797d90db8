package gan4j.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import gan4j.config.ModelConfig.Norm;
import gan4j.nn.ConditionedCritic;
import gan4j.nn.Conditioning;
import gan4j.nn.Network;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

/**
 * The projection critic: labels act only through the class embedding, and the gradient with
 * respect to the samples (what G trains through) includes the embedding term, in float64.
 */
class ProjectionCriticTest {

    private static final int CLASSES = 3;
    private static final int[] LABELS = {0, 2, 1, 2};

    private static ConditionedCritic critic(Norm norm) {
        Dcgan dcgan = new Dcgan(28, 1, 8, 4, 4, Norm.BATCH, norm, true);
        Network network = dcgan.newDiscriminator(new Architecture.NetworkSpec(CLASSES, 11, new Adam(1e-3),
                DataType.DOUBLE));
        return new ConditionedCritic(network, Conditioning.oneHot(CLASSES));
    }

    private static INDArray samples() {
        Nd4j.getRandom().setSeed(5);
        return Nd4j.rand(DataType.DOUBLE, LABELS.length, 1, 28, 28).muli(2).subi(1);
    }

    @Test
    void theBodySeesOnlyTheSampleChannels() {
        Network network = critic(Norm.BATCH).network();
        assertArrayEquals(new long[] {4, 1, 4, 4}, network.paramTable().get("conv0_W").shape(),
                "the first convolution reads the one sample channel, not the label planes");
        assertArrayEquals(new long[] {CLASSES, 8 * 7 * 7}, network.paramTable().get("embed_W").shape(),
                "one embedding row per class over φ's 8×7×7 features");
    }

    @Test
    void labelsChangeTheScoreOnlyThroughTheEmbedding() {
        ConditionedCritic critic = critic(Norm.BATCH);
        INDArray x = samples();
        int[] others = {1, 0, 2, 0};
        assertNotEquals(critic.score(x, LABELS), critic.score(x, others));
        critic.network().paramTable().get("embed_W").assign(0);
        assertEquals(critic.score(x, LABELS), critic.score(x, others), "a zero embedding leaves only ψ(φ(x))");
        critic.network().releaseActivations();
    }

    @Test
    void sampleGradientMatchesFiniteDifferencesInFloat64() {
        ConditionedCritic critic = critic(Norm.BATCH);
        // A larger embedding than at initialisation, so that its term dominates the score's gradient.
        critic.network().paramTable().get("embed_W").muli(50);
        INDArray x = samples();
        ConditionChecks.sampleGradientMatchesFiniteDifferences(critic, x, LABELS,
                Nd4j.create(new double[][] {{0.7}, {-1.3}, {0.4}, {1.1}}), 1e-6);
    }
}
