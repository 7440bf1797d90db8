package gan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.BitSet;
import org.junit.jupiter.api.Test;

class BatchOrderTest {

    @Test
    void sameSeedAndStepGiveTheSameBatch() {
        BatchOrder a = new BatchOrder(1000, 64, 42);
        BatchOrder b = new BatchOrder(1000, 64, 42);
        // b visits steps in a different order, so its cache state differs from a's.
        for (long step : new long[] {500, 3, 0, 15, 16, 10_000_000_000L}) {
            assertArrayEquals(a.indices(step), b.indices(step), "step " + step);
        }
        assertArrayEquals(a.indices(7), a.indices(7));
    }

    @Test
    void everyIndexAppearsAtMostOncePerEpochAndTheRemainderIsDropped() {
        BatchOrder order = new BatchOrder(10, 3, 7);
        assertEquals(3, order.batchesPerEpoch());
        for (int epoch = 0; epoch < 5; epoch++) {
            BitSet seen = new BitSet();
            for (int t = 0; t < 3; t++) {
                for (int index : order.indices(epoch * 3L + t)) {
                    assertFalse(seen.get(index), "index " + index + " twice in epoch " + epoch);
                    seen.set(index);
                }
            }
            assertEquals(9, seen.cardinality());
        }
    }

    @Test
    void exactEpochCoversEveryIndexOnce() {
        BatchOrder order = new BatchOrder(12, 4, 1);
        int[] all = new int[12];
        for (int t = 0; t < 3; t++) {
            System.arraycopy(order.indices(3 + t), 0, all, 4 * t, 4);
        }
        Arrays.sort(all);
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, all);
    }

    @Test
    void epochsAndSeedsShuffleDifferently() {
        BatchOrder order = new BatchOrder(100, 100, 5);
        int[] epoch0 = order.indices(0);
        int[] epoch1 = order.indices(1);
        assertFalse(Arrays.equals(epoch0, epoch1));
        assertFalse(Arrays.equals(epoch0, new BatchOrder(100, 100, 6).indices(0)));
        int[] identity = new int[100];
        Arrays.setAll(identity, i -> i);
        assertFalse(Arrays.equals(identity, epoch0));
        int[] sorted = epoch1.clone();
        Arrays.sort(sorted);
        assertTrue(Arrays.equals(identity, sorted));
    }
}
