package gan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ToyDatasetTest {

    @Test
    void describesOneTwoCoordinateSamplePerPoint() {
        ToyDataset dataset = new ToyDataset(ToyMixture.GRID, 1_000, 3L);
        assertEquals(1_000, dataset.size());
        assertArrayEquals(new long[] {2}, dataset.sampleShape());
        assertEquals(2, dataset.channels() * dataset.height() * dataset.width());
        assertEquals(List.of("points"), dataset.classNames());
        assertEquals(0, dataset.label(999));
        assertEquals(ToyMixture.GRID, dataset.mixture());
        assertEquals("toy grid: 1000 points from 25 Gaussians (std 0.05), seed 3", dataset.describe());
    }

    @Test
    void defaultSizeIsOneHundredThousand() {
        assertEquals(100_000, new ToyDataset(ToyMixture.RING, 0L).size());
    }

    @Test
    void readWritesTheMixtureSampleForThatSeedUnscaled() {
        ToyDataset dataset = new ToyDataset(ToyMixture.GRID, 500, 11L);
        double[][] expected = ToyMixture.GRID.sample(500, 11L);
        float[] dst = new float[5];
        float largest = 0;
        for (int i = 0; i < 500; i++) {
            dataset.read(i, dst, 3);
            assertEquals((float) expected[i][0], dst[3]);
            assertEquals((float) expected[i][1], dst[4]);
            largest = Math.max(largest, Math.max(Math.abs(dst[3]), Math.abs(dst[4])));
        }
        assertTrue(largest > 3.5, "grid points keep their ±4 coordinates, largest was " + largest);
    }

    @Test
    void sameSeedGivesTheSameDataset() {
        ToyDataset a = new ToyDataset(ToyMixture.RING, 100, 5L);
        ToyDataset b = new ToyDataset(ToyMixture.RING, 100, 5L);
        float[] pa = new float[2];
        float[] pb = new float[2];
        for (int i = 0; i < 100; i++) {
            a.read(i, pa, 0);
            b.read(i, pb, 0);
            assertArrayEquals(pa, pb);
        }
    }

    @Test
    void rejectsOutOfRangeIndicesAndEmptySizes() {
        ToyDataset dataset = new ToyDataset(ToyMixture.RING, 10, 0L);
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.read(10, new float[2], 0));
        assertThrows(IndexOutOfBoundsException.class, () -> dataset.label(-1));
        assertThrows(IllegalArgumentException.class, () -> new ToyDataset(ToyMixture.RING, 0, 0L));
    }
}
