package gan4j.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.data.ToyMixture;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ModeCoverageTest {

    /** P(‖x − μ‖ < 3σ) for a 2-D isotropic Gaussian: the radius is Rayleigh-distributed. */
    private static final double EXACT_SAMPLE_HIGH_QUALITY = 1 - Math.exp(-4.5);

    @Test
    void exactRingSamplesCaptureEveryModeWithNearZeroReverseKl() {
        ModeCoverageReport report = ModeCoverage.measure(ToyMixture.RING.sample(2_500, 1L), ToyMixture.RING);
        assertEquals(8, report.modesCaptured());
        assertEquals(8, report.modes());
        assertEquals(EXACT_SAMPLE_HIGH_QUALITY, report.highQualityFraction(), 0.01);
        // Multinomial noise alone gives KL ≈ (K − 1) / (2n) = 0.0014 here.
        assertTrue(report.reverseKl() < 0.01, "reverse KL " + report.reverseKl());
    }

    @Test
    void exactGridSamplesCaptureEveryModeWithNearZeroReverseKl() {
        ModeCoverageReport report = ModeCoverage.measure(ToyMixture.GRID.sample(10_000, 2L), ToyMixture.GRID);
        assertEquals(25, report.modesCaptured());
        assertEquals(EXACT_SAMPLE_HIGH_QUALITY, report.highQualityFraction(), 0.005);
        assertTrue(report.reverseKl() < 0.01, "reverse KL " + report.reverseKl());
    }

    @Test
    void pointsOnThreeOfEightModesGiveThreeCapturedAndLogEightThirds() {
        double[][] means = ToyMixture.RING.means();
        SplittableRandom random = new SplittableRandom(3L);
        double[][] points = new double[300][];
        for (int i = 0; i < points.length; i++) {
            // A tenth of a std of jitter keeps every point high-quality, so the three counts stay equal.
            double[] mean = means[i % 3];
            points[i] = new double[] {
                mean[0] + 0.001 * random.nextGaussian(), mean[1] + 0.001 * random.nextGaussian()
            };
        }
        ModeCoverageReport report = ModeCoverage.measure(points, ToyMixture.RING);
        assertEquals(3, report.modesCaptured());
        assertEquals(1.0, report.highQualityFraction());
        assertEquals(Math.log(8.0 / 3.0), report.reverseKl(), 1e-12);
    }

    @Test
    void pointsFarFromEveryModeAreNeverHighQuality() {
        double[][] points = {{0, 0}, {0.5, 0.5}, {10, -10}, {Double.NaN, 1}, {1.1, 0}};
        ModeCoverageReport report = ModeCoverage.measure(points, ToyMixture.RING);
        assertEquals(0, report.modesCaptured());
        assertEquals(0.0, report.highQualityFraction());
        assertTrue(Double.isNaN(report.reverseKl()), "no high-quality points, no histogram");
        assertEquals("reverse KL: n/a", report.lines().get(2));
    }

    @Test
    void tinyHandMadeCaseGivesExactNumbers() {
        // Ring, std 0.01, so the high-quality radius is 0.03.
        double[][] points = {
            {1.0, 0.0},              // on mode 0
            {1.0, 0.02},             // 2 std from mode 0: high-quality
            {0.0, 1.0 - 0.029},      // just inside 3 std of mode 2 (0, 1)
            {-1.0, 0.031},           // just outside 3 std of mode 4 (−1, 0): counted in n only
        };
        ModeCoverageReport report = ModeCoverage.measure(points, ToyMixture.RING);
        assertEquals(2, report.modesCaptured());
        assertEquals(0.75, report.highQualityFraction());
        // Histogram over the three high-quality points: (2/3, 1/3) on modes 0 and 2.
        double expected = 2.0 / 3 * Math.log(8 * 2.0 / 3) + 1.0 / 3 * Math.log(8 * 1.0 / 3);
        assertEquals(expected, report.reverseKl(), 1e-15);
        assertEquals(1.4429, report.reverseKl(), 1e-4);
    }

    @Test
    void acceptsAnNd4jArrayOfShapeNByTwo() {
        double[][] points = ToyMixture.GRID.sample(500, 4L);
        ModeCoverageReport fromArray = ModeCoverage.measure(Nd4j.create(points), ToyMixture.GRID);
        assertEquals(ModeCoverage.measure(points, ToyMixture.GRID), fromArray);
        assertThrows(IllegalArgumentException.class,
                () -> ModeCoverage.measure(Nd4j.zeros(10, 3), ToyMixture.GRID));
    }

    @Test
    void rejectsEmptyInput() {
        assertThrows(IllegalArgumentException.class, () -> ModeCoverage.measure(new double[0][], ToyMixture.RING));
    }

    @Test
    void formatsTheThreeReportLines() {
        ModeCoverageReport report = new ModeCoverageReport(8, 8, 0.9712, 0.0234);
        assertEquals(List.of("modes captured: 8/8", "high-quality: 97.1%", "reverse KL: 0.02"), report.lines());
    }

    @Test
    void reportRejectsImpossibleCounts() {
        assertThrows(IllegalArgumentException.class, () -> new ModeCoverageReport(9, 8, 0.5, 0));
        assertThrows(IllegalArgumentException.class, () -> new ModeCoverageReport(1, 8, 1.5, 0));
    }
}
