package gan4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class BatchStreamTest {

    /** Sample i is a 1x2x2 image filled with i; its label is i mod 3. */
    private static class NumberedDataset implements Dataset {
        private final int size;

        NumberedDataset(int size) {
            this.size = size;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public int channels() {
            return 1;
        }

        @Override
        public int height() {
            return 2;
        }

        @Override
        public int width() {
            return 2;
        }

        @Override
        public List<String> classNames() {
            return List.of("a", "b", "c");
        }

        @Override
        public int label(int index) {
            return index % 3;
        }

        @Override
        public void read(int index, float[] dst, int offset) {
            for (int i = 0; i < 4; i++) {
                dst[offset + i] = index;
            }
        }

        @Override
        public String describe() {
            return "numbers 0.." + (size - 1);
        }
    }

    @Test
    void batchesHoldTheSamplesBatchOrderNames() {
        BatchOrder order = new BatchOrder(50, 8, 3);
        try (BatchStream stream = new BatchStream(new NumberedDataset(50), 8, 3, 0, 2, 2)) {
            for (long step = 0; step < 15; step++) {
                Batch batch = stream.next();
                assertEquals(step, batch.step());
                assertEquals(DataType.FLOAT, batch.images().dataType());
                assertArrayEquals(new long[] {8, 1, 2, 2}, batch.images().shape());
                int[] indices = order.indices(step);
                for (int i = 0; i < 8; i++) {
                    assertEquals(indices[i], batch.images().getFloat(i, 0, 1, 1));
                    assertEquals(indices[i] % 3, batch.labels()[i]);
                }
            }
        }
    }

    @Test
    void resumingAtStepSGivesTheBatchesOfAnUninterruptedRun() {
        NumberedDataset data = new NumberedDataset(37);
        List<Batch> fromZero = new ArrayList<>();
        try (BatchStream stream = new BatchStream(data, 5, 11, 0, 3, 2)) {
            for (int t = 0; t < 20; t++) {
                fromZero.add(stream.next());
            }
        }
        try (BatchStream resumed = new BatchStream(data, 5, 11, 9, 1, 1)) {
            for (int t = 9; t < 20; t++) {
                Batch batch = resumed.next();
                assertEquals(fromZero.get(t).step(), batch.step());
                assertEquals(fromZero.get(t).images(), batch.images());
                assertArrayEquals(fromZero.get(t).labels(), batch.labels());
            }
        }
    }

    @Test
    void reusedMemoryGivesTheSameBatchesInRecycledArrays() {
        NumberedDataset data = new NumberedDataset(37);
        List<INDArray> handedOut = new ArrayList<>();
        try (BatchStream fresh = new BatchStream(data, 5, 11, 3, 2, 2);
                BatchStream reused = new BatchStream(data, 5, 11, 3, 3, 2, BatchStream.Memory.REUSED)) {
            for (int t = 0; t < 20; t++) {
                Batch expected = fresh.next();
                Batch batch = reused.next();
                assertEquals(expected.step(), batch.step());
                assertEquals(expected.images(), batch.images());
                assertArrayEquals(expected.labels(), batch.labels());
                handedOut.add(batch.images());
            }
        }
        assertTrue(handedOut.get(0) == handedOut.get(2), "arrays are recycled");
        assertEquals(2, handedOut.stream().map(System::identityHashCode).distinct().count());
    }

    @Test
    void datasetSmallerThanABatchIsADataException() {
        DataException e = assertThrows(DataException.class,
                () -> new BatchStream(new NumberedDataset(3), 4, 0, 0));
        assertEquals("numbers 0..2 has 3 samples, fewer than the batch size 4: use a smaller batch size or add data.",
                e.getMessage());
    }

    @Test
    void loaderErrorsSurfaceFromNextAndCloseTheStream() {
        Dataset failing = new NumberedDataset(20) {
            @Override
            public void read(int index, float[] dst, int offset) {
                if (index == 13) {
                    throw new DataException("image 13 is broken: fix it.");
                }
                super.read(index, dst, offset);
            }
        };
        BatchOrder order = new BatchOrder(20, 4, 9);
        long firstBad = 0;
        while (!contains(order.indices(firstBad), 13)) {
            firstBad++;
        }
        try (BatchStream stream = new BatchStream(failing, 4, 9, 0, 2, 2)) {
            for (long t = 0; t < firstBad; t++) {
                stream.next();
            }
            DataException e = assertThrows(DataException.class, stream::next);
            assertEquals("image 13 is broken: fix it.", e.getMessage());
            assertThrows(IllegalStateException.class, stream::next);
        }

        Dataset buggy = new NumberedDataset(20) {
            @Override
            public int label(int index) {
                throw new ArithmeticException("bug");
            }
        };
        try (BatchStream stream = new BatchStream(buggy, 4, 9, 0)) {
            IllegalStateException e = assertThrows(IllegalStateException.class, stream::next);
            assertTrue(e.getCause() instanceof ArithmeticException, String.valueOf(e.getCause()));
            assertTrue(e.getMessage().contains("step 0"), e.getMessage());
        }
    }

    @Test
    void closeStopsTheLoaderThreads() throws InterruptedException {
        Set<Thread> before = loaderThreads();
        BatchStream stream = new BatchStream(new NumberedDataset(100), 10, 1, 0, 4, 3);
        stream.next();
        Set<Thread> started = loaderThreads();
        started.removeAll(before);
        assertFalse(started.isEmpty(), "no loader thread was started");
        stream.close();
        for (Thread thread : started) {
            // A pool reports termination while its last worker is still unwinding: allow it a moment.
            thread.join(5000);
            assertFalse(thread.isAlive(), thread.getName() + " still runs after close()");
        }
        assertThrows(IllegalStateException.class, stream::next);
        stream.close();
    }

    private static Set<Thread> loaderThreads() {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("gan4j-batch-loader-"))
                .collect(Collectors.toCollection(HashSet::new));
    }

    private static boolean contains(int[] values, int wanted) {
        for (int v : values) {
            if (v == wanted) {
                return true;
            }
        }
        return false;
    }
}
