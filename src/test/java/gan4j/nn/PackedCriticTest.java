package gan4j.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gan4j.arch.Architecture;
import gan4j.arch.Mlp;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Sgd;

/** Packing puts consecutive samples side by side for D, and G sees each sample's own share of D's gradient. */
class PackedCriticTest {

    private static final int PACK = 3;

    private static PackedCritic critic() {
        Network network = SequentialNetwork.initialised(new Mlp(2, 2, 8, 8, 2, 1, PACK)
                .discriminator(new Architecture.NetworkSpec(0, 11, new Sgd(0.1), DataType.DOUBLE)));
        return new PackedCritic(new ConditionedCritic(network, Conditioning.none()), PACK);
    }

    private static INDArray samples() {
        Nd4j.getRandom().setSeed(5);
        return Nd4j.randn(DataType.DOUBLE, 6, 2);
    }

    @Test
    void packsAreConsecutiveSamplesSideBySideAndUnpackBack() {
        PackedCritic critic = critic();
        INDArray samples = samples();
        INDArray packed = critic.packed(samples);
        assertArrayEquals(new long[] {2, 6}, packed.shape());
        assertEquals(samples.getRow(4), packed.getRow(1).get(NDArrayIndex.interval(2, 4)));
        assertEquals(samples, critic.unpacked(packed, 2));
    }

    @Test
    void onePackScoredPerMSamplesAsTheNetworkScoresThePack() {
        PackedCritic critic = critic();
        INDArray samples = samples();
        INDArray scores = critic.score(samples, new int[6]);
        assertArrayEquals(new long[] {2, 1}, scores.shape());
        INDArray byHand = Nd4j.concat(1, samples.getRow(0, true), samples.getRow(1, true), samples.getRow(2, true));
        assertEquals(critic.network().infer(byHand).getDouble(0), scores.getDouble(0), 1e-12);
        critic.network().releaseActivations();
    }

    @Test
    void sampleGradientMatchesFiniteDifferencesOfThePackedScores() {
        PackedCritic critic = critic();
        INDArray samples = samples();
        INDArray weights = Nd4j.create(new double[][] {{0.7}, {-1.3}});
        critic.score(samples, new int[6]);
        INDArray gradient = critic.sampleGradient(weights);
        assertArrayEquals(samples.shape(), gradient.shape());
        double eps = 1e-6;
        for (int i = 0; i < 6; i++) {
            for (int j = 0; j < 2; j++) {
                INDArray up = samples.dup();
                up.putScalar(i, j, samples.getDouble(i, j) + eps);
                INDArray down = samples.dup();
                down.putScalar(i, j, samples.getDouble(i, j) - eps);
                double numeric = (weighted(critic, up, weights) - weighted(critic, down, weights)) / (2 * eps);
                assertEquals(numeric, gradient.getDouble(i, j), 1e-6, "sample " + i + ", coordinate " + j);
            }
        }
        critic.network().releaseActivations();
    }

    private static double weighted(PackedCritic critic, INDArray samples, INDArray weights) {
        return critic.score(samples, new int[6]).mul(weights).sumNumber().doubleValue();
    }
}
