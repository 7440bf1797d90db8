package gan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.data.ToyMixture;
import org.junit.jupiter.api.Test;

/** The Gaussian-kernel MMD against its closed form on two points each, and on the toy mixtures it judges. */
class GaussianMmdTest {

    @Test
    void twoPointsEachGiveTheUnbiasedEstimatorsClosedForm() {
        double[][] x = {{0}, {1}};
        double[][] y = {{0}, {2}};
        // k(a, b) = exp(-(a-b)^2 / 2): within x one pair at distance 1, within y one at 2, across 0,2,1,1.
        double expected = Math.exp(-0.5) + Math.exp(-2) - 2 * (1 + Math.exp(-2) + 2 * Math.exp(-0.5)) / 4;
        assertEquals(expected, GaussianMmd.unbiasedMmd2(x, y, 1), 1e-15);
    }

    @Test
    void samplesOfTheMixtureScoreNearZeroAndHalfTheModesOrPointsBetweenThemDoNot() {
        ToyMixture ring = ToyMixture.RING;
        double bandwidth = 3 * ring.std();
        double[][] real = ring.sample(2000, 1);
        double same = GaussianMmd.unbiasedMmd2(real, ring.sample(2000, 2), bandwidth);
        double[][] half = ring.sample(4000, 3);
        double[][] halfModes = java.util.Arrays.stream(half).filter(p -> p[1] > 0.1).limit(2000)
                .toArray(double[][]::new);
        double[][] blurred = java.util.Arrays.stream(ring.sample(2000, 4))
                .map(p -> new double[] {p[0] * 0.9, p[1] * 0.9}).toArray(double[][]::new);
        assertTrue(Math.abs(same) < 0.01, "same distribution: " + same);
        assertTrue(GaussianMmd.unbiasedMmd2(real, halfModes, bandwidth) > 10 * Math.abs(same) + 0.05);
        assertTrue(GaussianMmd.unbiasedMmd2(real, blurred, bandwidth) > 10 * Math.abs(same) + 0.05);
    }
}
