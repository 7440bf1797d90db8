package gan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {

    private static FeatureStatistics gaussian(double[] mean, double[][] covariance) {
        return new FeatureStatistics(mean, covariance, 1000);
    }

    @Test
    void oneDimensionalGaussiansGiveMeanAndStdDifferencesSquared() {
        FeatureStatistics a = gaussian(new double[] {1}, new double[][] {{4}});
        FeatureStatistics b = gaussian(new double[] {-2}, new double[][] {{9}});
        // (1 − (−2))² + (2 − 3)²
        assertEquals(10.0, FrechetDistance.between(a, b), 1e-12);
    }

    @Test
    void diagonalCovariancesAddUpPerDimension() {
        FeatureStatistics a = gaussian(new double[] {0, 1, 2}, new double[][] {{1, 0, 0}, {0, 4, 0}, {0, 0, 0.25}});
        FeatureStatistics b = gaussian(new double[] {0, 0, 0}, new double[][] {{9, 0, 0}, {0, 4, 0}, {0, 0, 1}});
        double expected = 1 + 4 + (1 - 3) * (1 - 3) + 0 + (0.5 - 1) * (0.5 - 1);
        assertEquals(expected, FrechetDistance.between(a, b), 1e-12);
    }

    @Test
    void nonCommutingTwoByTwoCovariancesMatchTheClosedFormTrace() {
        double[][] s1 = {{2, 1}, {1, 2}};
        double[][] s2 = {{3, 0}, {0, 1}};
        // For 2×2 PSD matrices, Tr √(Σ₁Σ₂) = √(Tr Σ₁Σ₂ + 2 √det Σ₁Σ₂);
        // here Tr Σ₁Σ₂ = 8 and det Σ₁Σ₂ = 9.
        double expected = 4 + 4 - 2 * Math.sqrt(8 + 2 * 3);
        assertEquals(expected, FrechetDistance.between(gaussian(new double[2], s1), gaussian(new double[2], s2)),
                1e-12);
    }

    @Test
    void aDistributionIsAtDistanceZeroFromItselfAndTheDistanceIsSymmetric() {
        double[][] rows = randomRows(500, 20, 1L, 1.0);
        double[][] other = randomRows(500, 20, 2L, 1.5);
        FeatureStatistics a = FeatureStatistics.of(rows);
        FeatureStatistics b = FeatureStatistics.of(other);

        assertEquals(0.0, FrechetDistance.between(a, a), 1e-9);
        assertEquals(FrechetDistance.between(a, b), FrechetDistance.between(b, a), 1e-9);
        assertTrue(FrechetDistance.between(a, b) > 1, "different scales are far apart");
    }

    @Test
    void sampleStatisticsAreTheMeanAndUnbiasedCovariance() {
        FeatureStatistics stats = FeatureStatistics.of(new double[][] {{1, 2}, {3, 2}, {5, 8}});

        assertArrayEquals(new double[] {3, 4}, stats.mean(), 1e-12);
        assertArrayEquals(new double[] {4, 6}, stats.covariance()[0], 1e-12);
        assertArrayEquals(new double[] {6, 12}, stats.covariance()[1], 1e-12);
        assertEquals(3, stats.count());
    }

    private static double[][] randomRows(int n, int d, long seed, double scale) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] rows = new double[n][d];
        for (double[] row : rows) {
            double shared = random.nextGaussian();
            for (int i = 0; i < d; i++) {
                // A shared factor makes the covariance far from diagonal.
                row[i] = scale * (random.nextGaussian() + 0.7 * shared);
            }
        }
        return rows;
    }
}
