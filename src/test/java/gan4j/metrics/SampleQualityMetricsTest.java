package gan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * KID, precision/recall, density/coverage, class entropy and the Fréchet distance against closed
 * forms and against NumPy/SciPy on fixed arrays: the expected numbers were printed by
 * src/test/resources/gan4j/metrics/reference_metrics.py, which builds the same arrays.
 */
class SampleQualityMetricsTest {

    /** real[i][j] = sin(1.7 i + 0.3 j) + 0.5 cos(0.11 i j), 60 × 4. */
    private static double[][] real() {
        double[][] rows = new double[60][4];
        for (int i = 0; i < 60; i++) {
            for (int j = 0; j < 4; j++) {
                rows[i][j] = Math.sin(1.7 * i + 0.3 * j) + 0.5 * Math.cos(0.11 * i * j);
            }
        }
        return rows;
    }

    /** fake[i][j] = 1.2 sin(1.1 i + 0.7 j) + 0.3, 50 × 4. */
    private static double[][] fake() {
        double[][] rows = new double[50][4];
        for (int i = 0; i < 50; i++) {
            for (int j = 0; j < 4; j++) {
                rows[i][j] = 1.2 * Math.sin(1.1 * i + 0.7 * j) + 0.3;
            }
        }
        return rows;
    }

    @Test
    void theUnbiasedMmdMatchesNumpy() {
        assertEquals(0.35274368753577434, KernelDistance.unbiasedMmd2(real(), fake()), 1e-12);
    }

    @Test
    void theUnbiasedMmdOfTwoPairsIsItsClosedFormAndMayBeNegative() {
        // k(x, y) = (xy + 1)^3 in one dimension: k(1,-1) = 0, k(2,0) = 1, and the four cross terms
        // 27, 1, -1, 1 average 7, so MMD² = 0 + 1 - 2·7.
        double[][] x = {{1}, {-1}};
        double[][] y = {{2}, {0}};

        assertEquals(-13, KernelDistance.unbiasedMmd2(x, y), 1e-12);
    }

    @Test
    void kidOnSubsetsAsLargeAsBothSetsIsTheFullEstimateWithNoSpread() {
        double[][] fake = fake();
        double[][] real = java.util.Arrays.copyOf(real(), 50);

        KernelDistance kid = KernelDistance.measure(real, fake, 7, 1000, 3);

        assertEquals(KernelDistance.unbiasedMmd2(real, fake), kid.mean(), 1e-12);
        assertEquals(0, kid.std(), 1e-12);
        assertEquals(50, kid.subsetSize());
    }

    @Test
    void kidOnSmallerSubsetsHasASpreadAndAnIntervalAroundItsMean() {
        KernelDistance kid = KernelDistance.measure(real(), fake(), 40, 20, 3);

        assertTrue(kid.std() > 0);
        assertEquals(kid.std() / Math.sqrt(40), kid.standardError(), 1e-15);
        assertTrue(kid.interval().low() < kid.mean() && kid.mean() < kid.interval().high(), kid.toString());
        // The full-set estimate lies within a few standard deviations of the subset average.
        assertEquals(0.35274368753577434, kid.mean(), 3 * kid.std());
    }

    @Test
    void precisionRecallDensityCoverageMatchTheReferenceCode() {
        ManifoldMetrics m = ManifoldMetrics.measure(real(), fake(), 1);

        assertEquals(0.74, m.precision().value(), 1e-12);
        assertEquals(0.13333333333333333, m.recall().value(), 1e-12);
        assertEquals(0.772, m.density().value(), 1e-12);
        assertEquals(0.5666666666666667, m.coverage().value(), 1e-12);
        for (Interval i : List.of(m.precision(), m.recall(), m.density(), m.coverage())) {
            assertTrue(i.low() <= i.value() && i.value() <= i.high(), i.toString());
            assertTrue(i.high() - i.low() > 0.01, "50 and 60 samples leave a visible interval: " + i);
        }
    }

    @Test
    void constructedPointSetsGiveTheirObviousPrecisionAndRecall() {
        // Real points 0..9 on a line: every k = 3 (and k = 5) ball has a radius of at least 2.
        double[][] line = new double[10][1];
        double[][] nearAndFar = new double[20][1];
        double[][] far = new double[10][1];
        for (int i = 0; i < 10; i++) {
            line[i][0] = i;
            nearAndFar[i][0] = i + 0.25;
            nearAndFar[10 + i][0] = 1000 + 10 * i;
            far[i][0] = 1000 + 10 * i;
        }
        double[][] real = line;

        ManifoldMetrics half = ManifoldMetrics.measure(real, nearAndFar, 1);
        ManifoldMetrics none = ManifoldMetrics.measure(real, far, 1);

        assertEquals(0.5, half.precision().value(), 1e-12);
        assertEquals(1, half.recall().value(), 1e-12);
        assertEquals(1, half.coverage().value(), 1e-12);
        assertEquals(0, none.precision().value());
        assertEquals(0, none.recall().value());
        assertEquals(0, none.density().value());
        assertEquals(0, none.coverage().value());
    }

    @Test
    void classEntropyIsLnCWhenUniformZeroWhenCollapsedAndMatchesNumpy() {
        int[] uniform = new int[400];
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = i % 4;
        }

        assertEquals(Math.log(4), ClassEntropy.of(uniform, 4, 1).entropy().value(), 1e-12);
        assertEquals(Math.log(4), ClassEntropy.of(uniform, 4, 1).maximum(), 1e-12);
        assertEquals(0, ClassEntropy.of(new int[50], 4, 1).entropy().value());
        assertEquals(0, ClassEntropy.of(new int[50], 4, 1).entropy().high());
        assertEquals(1.0296530140645737, ClassEntropy.entropy(new int[] {5, 3, 2, 0}), 1e-12);
    }

    @Test
    void theFrechetDistanceMatchesScipyAndItsIntervalHoldsIt() {
        Interval fd = FrechetBootstrap.measure(real(), fake(), 5);

        // Tr√(Σ₁Σ₂) takes square roots of eigenvalues near zero, which turns rounding of 1e-16 into
        // 1e-8: SciPy's sqrtm gives 0.88080061, NumPy's eigh route 0.88080060 on these arrays.
        assertEquals(0.8808006105758319, fd.value(), 1e-7);
        assertEquals(fd.value(), FrechetDistance.between(FeatureStatistics.of(real()), FeatureStatistics.of(fake())),
                1e-7);
        assertTrue(fd.low() < fd.value() && fd.value() < fd.high(), fd.toString());
    }

    @Test
    void intervalQuantilesInterpolateAsNumpyDoes() {
        double[] sorted = {1, 2, 3, 4, 5};

        // numpy.quantile([1, 2, 3, 4, 5], [0.025, 0.975]) = [1.1, 4.9]
        assertEquals(1.1, Interval.quantile(sorted, 0.025), 1e-12);
        assertEquals(4.9, Interval.quantile(sorted, 0.975), 1e-12);
    }

    @Test
    void theReportPrintsEveryFigureAndTheProtocol() {
        int[] predicted = new int[50];
        for (int i = 0; i < 50; i++) {
            predicted[i] = i % 3;
        }

        List<String> lines = SampleQuality.measure(real(), fake(), predicted, 4, 9, SampleQuality.CLASSIFIER_SPACE,
                "real: 60 test, generated: 50")
                .lines();

        assertEquals(9, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).startsWith("  Frechet distance     0.881 ["), lines.get(1));
        assertTrue(lines.get(3).startsWith("  precision            0.740 ["), lines.get(3));
        assertTrue(lines.get(8).startsWith("  protocol: real: 60 test, generated: 50; 4-d features; KID: 100"
                + " subsets of 50"), lines.get(8));
    }
}
