package gan4j.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class NativeGarbageCollectorTest {

    private static final long MB = 1L << 20;

    @Test
    void collectsWhenResidentMemoryGrowsByTheHeadroomAboveItsLowestReading() {
        // Readings in MB, one per step: growth from 300 to 400 triggers at 400; the freeing that
        // follows lowers the floor to 310, so the next trigger is at 410, not at 500.
        List<Integer> collectedAt = new ArrayList<>();
        PrimitiveIterator.OfLong readings = LongStream.of(300, 350, 399, 400, 330, 310, 360, 409, 410, 320)
                .map(mb -> mb * MB).iterator();
        int[] step = {0};
        NativeGarbageCollector collector = new NativeGarbageCollector(100 * MB,
                () -> {
                    step[0]++;
                    return readings.nextLong();
                },
                () -> collectedAt.add(step[0]));
        for (int i = 0; i < 10; i++) {
            collector.afterStep();
        }
        assertEquals(List.of(4, 9), collectedAt);
        assertEquals(2, collector.collections());
    }

    @Test
    void rejectsANonPositiveHeadroom() {
        assertThrows(IllegalArgumentException.class, () -> new NativeGarbageCollector(0, () -> 0, () -> { }));
    }
}
