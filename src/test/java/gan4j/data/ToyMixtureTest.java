package gan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ToyMixtureTest {

    @Test
    void ringHasEightUnitCircleMeansAtMultiplesOfFortyFiveDegrees() {
        double[][] means = ToyMixture.RING.means();
        assertEquals(8, ToyMixture.RING.modes());
        assertEquals(0.01, ToyMixture.RING.std());
        for (int k = 0; k < 8; k++) {
            assertEquals(Math.cos(Math.PI * k / 4), means[k][0], 1e-15);
            assertEquals(Math.sin(Math.PI * k / 4), means[k][1], 1e-15);
        }
        assertEquals(1.0, ToyMixture.RING.extent(), 1e-15);
    }

    @Test
    void gridHasTwentyFiveMeansOnTheEvenLattice() {
        double[][] means = ToyMixture.GRID.means();
        assertEquals(25, means.length);
        assertEquals(0.05, ToyMixture.GRID.std());
        long distinct = Arrays.stream(means).map(Arrays::toString).distinct().count();
        assertEquals(25, distinct);
        for (double[] mean : means) {
            for (double coordinate : mean) {
                assertTrue(Arrays.asList(-4.0, -2.0, 0.0, 2.0, 4.0).contains(coordinate));
            }
        }
        assertEquals(4.0, ToyMixture.GRID.extent());
    }

    @Test
    void coordinateStdMatchesTheSpreadOfSampledPoints() {
        for (ToyMixture mixture : ToyMixture.values()) {
            double[][] points = mixture.sample(200_000, 11L);
            double sum = 0;
            double squares = 0;
            for (double[] p : points) {
                sum += p[0];
                squares += p[0] * p[0];
            }
            double mean = sum / points.length;
            double std = Math.sqrt(squares / points.length - mean * mean);
            assertEquals(std, mixture.coordinateStd(), 0.01 * std, mixture.name());
        }
        assertEquals(Math.sqrt(0.5 + 0.01 * 0.01), ToyMixture.RING.coordinateStd(), 1e-12);
        assertEquals(Math.sqrt(8 + 0.05 * 0.05), ToyMixture.GRID.coordinateStd(), 1e-12);
    }

    @Test
    void meansAreACopyCallersCannotCorrupt() {
        ToyMixture.RING.means()[0][0] = 42;
        assertEquals(1.0, ToyMixture.RING.means()[0][0]);
    }

    @Test
    void sameSeedGivesSamePointsAndAnotherSeedDoesNot() {
        double[][] first = ToyMixture.GRID.sample(100, 7L);
        double[][] again = ToyMixture.GRID.sample(100, new SplittableRandom(7L));
        double[][] other = ToyMixture.GRID.sample(100, 8L);
        assertTrue(Arrays.deepEquals(first, again));
        assertFalse(Arrays.deepEquals(first, other));
    }

    @Test
    void samplesSpreadEvenlyOverModesWithTheMixtureStd() {
        ToyMixture ring = ToyMixture.RING;
        double[][] means = ring.means();
        int n = 40_000;
        int[] counts = new int[ring.modes()];
        double sumSquares = 0;
        for (double[] point : ring.sample(n, 1L)) {
            int nearest = 0;
            for (int k = 1; k < means.length; k++) {
                if (distance(point, means[k]) < distance(point, means[nearest])) {
                    nearest = k;
                }
            }
            counts[nearest]++;
            double dx = point[0] - means[nearest][0];
            double dy = point[1] - means[nearest][1];
            sumSquares += dx * dx + dy * dy;
        }
        for (int count : counts) {
            assertEquals(n / 8.0, count, 5 * Math.sqrt(n / 8.0));
        }
        double perCoordinateStd = Math.sqrt(sumSquares / (2.0 * n));
        assertEquals(0.01, perCoordinateStd, 0.0002);
    }

    @Test
    void zeroPointsIsEmptyAndNegativeIsRejected() {
        assertArrayEquals(new double[0][], ToyMixture.RING.sample(0, 1L));
        assertThrows(IllegalArgumentException.class, () -> ToyMixture.RING.sample(-1, 1L));
    }

    private static double distance(double[] a, double[] b) {
        return Math.hypot(a[0] - b[0], a[1] - b[1]);
    }
}
