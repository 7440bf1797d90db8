package gan4j.data;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Which dataset indices make up the batch of each training step, as a pure function of (seed,
 * step): epochs of floor(size / batchSize) batches (the remainder is dropped), each epoch a
 * Fisher-Yates shuffle drawn from a generator seeded by (seed, epoch).
 */
public final class BatchOrder {

    private final int datasetSize;
    private final int batchSize;
    private final long seed;
    // Steps arrive in order, so one cached epoch spares recomputing the permutation per batch.
    private long cachedEpoch = -1;
    private int[] cachedPermutation;

    public BatchOrder(int datasetSize, int batchSize, long seed) {
        if (batchSize < 1 || datasetSize < batchSize) {
            throw new IllegalArgumentException(
                    "need 1 <= batchSize <= datasetSize, got batchSize " + batchSize + ", datasetSize " + datasetSize);
        }
        this.datasetSize = datasetSize;
        this.batchSize = batchSize;
        this.seed = seed;
    }

    public int batchesPerEpoch() {
        return datasetSize / batchSize;
    }

    /** The dataset indices of the batch for global step {@code step} (0-based). */
    public synchronized int[] indices(long step) {
        if (step < 0) {
            throw new IllegalArgumentException("step must be >= 0, got " + step);
        }
        long epoch = step / batchesPerEpoch();
        if (epoch != cachedEpoch) {
            cachedPermutation = permutation(epoch);
            cachedEpoch = epoch;
        }
        int from = (int) (step % batchesPerEpoch()) * batchSize;
        return Arrays.copyOfRange(cachedPermutation, from, from + batchSize);
    }

    private int[] permutation(long epoch) {
        SplittableRandom random = new SplittableRandom(mix(seed ^ mix(epoch + 0x9E3779B97F4A7C15L)));
        int[] order = new int[datasetSize];
        for (int i = 0; i < datasetSize; i++) {
            order[i] = i;
        }
        for (int i = datasetSize - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }

    // SplitMix64's finaliser: nearby (seed, epoch) pairs give unrelated generator seeds.
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
