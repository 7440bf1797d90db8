package gan4j.data;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The batches of consecutive training steps, from a start step on, loaded ahead of time by a
 * small pool of threads; batch contents follow {@link BatchOrder}, so a run resumed at step s
 * sees exactly the batches an uninterrupted run saw from step s.
 *
 * <p>{@link #next()} and {@link #close()} belong to the training thread. A loading failure is
 * rethrown from {@code next()} (a {@link DataException} stays one, with the same message) and
 * closes the stream.
 *
 * <p>With {@link Memory#REUSED} the stream recycles its batch arrays instead of allocating new
 * ones: a fresh off-heap array per batch (3 MiB at 64×3×64×64) measured as the main cost of
 * streaming packed data, because of the native allocation and first-touch page faults.
 */
public final class BatchStream implements AutoCloseable {

    /** How many batches are loaded ahead unless told otherwise. */
    public static final int DEFAULT_PREFETCH = 4;

    private static final long SHUTDOWN_WAIT_SECONDS = 30;

    /** Whether each batch gets new memory or the stream recycles it. */
    public enum Memory {
        /** Every batch has its own arrays, safe to keep for as long as wanted. */
        FRESH,
        /**
         * Batch arrays are recycled: a batch's images are valid only until the following call to
         * {@link #next()}. For consumers that use each batch within one training step.
         */
        REUSED
    }

    private final Dataset data;
    private final BatchOrder order;
    private final int batchSize;
    private final long[] batchShape;
    private final int sampleLength;
    private final int workers;
    private final ExecutorService pool;
    // With Memory.REUSED: host buffers of the batches being loaded, and the two arrays handed out in turn.
    private final float[][] sampleRing;
    private final INDArray[] imageRing;
    private final ArrayDeque<PendingBatch> pending = new ArrayDeque<>();
    private long nextToLoad;
    private boolean closed;

    /** A batch whose samples are being written by {@code parts}, one task per slice of the batch. */
    private record PendingBatch(long step, float[] samples, int[] labels, List<Future<?>> parts) {
    }

    /** Loads with {@link #DEFAULT_PREFETCH} batches ahead on {@link #defaultWorkers()} threads. */
    public BatchStream(Dataset data, int batchSize, long seed, long startStep) {
        this(data, batchSize, seed, startStep, DEFAULT_PREFETCH, defaultWorkers());
    }

    /**
     * Streams the batches of steps {@code startStep}, {@code startStep + 1}, … keeping
     * {@code prefetch} batches in flight on {@code workers} loader threads, each batch in new memory.
     */
    public BatchStream(Dataset data, int batchSize, long seed, long startStep, int prefetch, int workers) {
        this(data, batchSize, seed, startStep, prefetch, workers, Memory.FRESH);
    }

    /** As above, with {@code memory} saying whether batch arrays are recycled. */
    public BatchStream(Dataset data, int batchSize, long seed, long startStep, int prefetch, int workers,
            Memory memory) {
        if (prefetch < 1 || workers < 1 || startStep < 0) {
            throw new IllegalArgumentException("need prefetch >= 1, workers >= 1, startStep >= 0, got "
                    + prefetch + ", " + workers + ", " + startStep);
        }
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive, got " + batchSize);
        }
        if (data.size() < batchSize) {
            throw new DataException(data.describe() + " has " + data.size() + " samples, fewer than the batch size "
                    + batchSize + ": use a smaller batch size or add data.");
        }
        this.data = data;
        this.order = new BatchOrder(data.size(), batchSize, seed);
        this.batchSize = batchSize;
        long[] sampleShape = data.sampleShape();
        this.batchShape = new long[sampleShape.length + 1];
        batchShape[0] = batchSize;
        System.arraycopy(sampleShape, 0, batchShape, 1, sampleShape.length);
        long length = 1;
        for (long d : sampleShape) {
            length *= d;
        }
        this.sampleLength = Math.toIntExact(length);
        this.workers = Math.min(workers, batchSize);
        this.pool = Executors.newFixedThreadPool(this.workers, loaderThreads());
        boolean reused = memory == Memory.REUSED;
        // Batches in flight, plus the one next() is copying out while it loads a new one.
        this.sampleRing = reused ? new float[prefetch + 1][batchSize * sampleLength] : null;
        this.imageRing = reused ? new INDArray[2] : null;
        if (reused) {
            try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                for (int i = 0; i < imageRing.length; i++) {
                    imageRing[i] = Nd4j.create(DataType.FLOAT, batchShape, 'c');
                }
            }
        }
        this.nextToLoad = startStep;
        for (int i = 0; i < prefetch; i++) {
            loadNext();
        }
    }

    /** One loader thread per core, less the one the training thread keeps busy. */
    public static int defaultWorkers() {
        return Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    }

    public int batchesPerEpoch() {
        return order.batchesPerEpoch();
    }

    /**
     * The next step's batch: images FLOAT [batch, ...sampleShape] (a fresh array outside any
     * workspace, safe to keep) and labels; waits if it is still loading.
     */
    public Batch next() {
        if (closed) {
            throw new IllegalStateException("BatchStream is closed");
        }
        PendingBatch head = pending.removeFirst();
        loadNext();
        try {
            for (Future<?> part : head.parts) {
                part.get();
            }
        } catch (ExecutionException e) {
            close();
            throw loadingFailure(head.step, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException("interrupted while waiting for the batch of step " + head.step, e);
        } catch (CancellationException e) {
            throw new IllegalStateException("BatchStream was closed while waiting for the batch of step "
                    + head.step, e);
        }
        if (imageRing != null) {
            INDArray images = imageRing[(int) (head.step % imageRing.length)];
            // One bulk copy; INDArray.assign or Nd4j.create(float[]) would go element by element.
            images.data().asNioFloat().put(0, head.samples);
            return new Batch(head.step, images, head.labels);
        }
        try (MemoryWorkspace none = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
            INDArray images = Nd4j.create(head.samples, batchShape, 'c');
            return new Batch(head.step, images, head.labels);
        }
    }

    /** Stops the loader threads, waiting for a decode in progress to finish. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (PendingBatch batch : pending) {
            batch.parts.forEach(part -> part.cancel(true));
        }
        pending.clear();
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(SHUTDOWN_WAIT_SECONDS, TimeUnit.SECONDS)) {
                throw new IllegalStateException("batch loader threads did not stop within "
                        + SHUTDOWN_WAIT_SECONDS + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void loadNext() {
        long step = nextToLoad++;
        int[] indices = order.indices(step);
        float[] samples = sampleRing != null
                ? sampleRing[(int) (step % sampleRing.length)]
                : new float[batchSize * sampleLength];
        int[] labels = new int[batchSize];
        List<Future<?>> parts = new ArrayList<>(workers);
        // One slice per worker, so a single batch is decoded on all threads at once.
        for (int w = 0; w < workers; w++) {
            int from = w * batchSize / workers;
            int to = (w + 1) * batchSize / workers;
            parts.add(pool.submit(() -> {
                for (int i = from; i < to; i++) {
                    data.read(indices[i], samples, i * sampleLength);
                    labels[i] = data.label(indices[i]);
                }
            }));
        }
        pending.addLast(new PendingBatch(step, samples, labels, parts));
    }

    private static RuntimeException loadingFailure(long step, Throwable cause) {
        if (cause instanceof DataException) {
            return new DataException(cause.getMessage(), cause);
        }
        return new IllegalStateException("loading the batch of step " + step + " failed: " + cause, cause);
    }

    private static ThreadFactory loaderThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, "gan4j-batch-loader-" + count.getAndIncrement());
            // A forgotten close() must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }
}
