package gan4j.nn;

import java.util.function.LongSupplier;
import org.bytedeco.javacpp.Pointer;

/**
 * Keeps the process's resident memory near its live size by running the JVM's collector when it
 * has grown by a fixed headroom since the last collection.
 *
 * <p>ND4J frees an array's native buffer only after the garbage collector has found its Java
 * object unreachable. A training step allocates many buffers outside the networks' workspaces
 * (batches, noise, losses, gradient sums, penalty points) but almost no Java heap, so the collector
 * rarely runs on its own. Measured before the passes used workspaces, when every activation was
 * such a buffer: on the toy WGAN-GP preset resident memory climbed past 4 GB in two minutes, and a
 * DCGAN on Fashion-MNIST plateaued near 8 GB. ND4J's own periodic collection
 * ({@code togglePeriodicGc}) did not bound it.
 */
public final class NativeGarbageCollector {

    /**
     * Growth of resident memory that triggers a collection. Measured on the toy WGAN-GP preset:
     * 64 MB held it near 0.5 GB, 256 MB let it creep past 1.3 GB; both trained faster than no
     * collector at all, as the allocator reuses freed buffers instead of mapping new pages.
     */
    public static final long DEFAULT_HEADROOM_BYTES = 64L << 20;

    private final long headroom;
    private final LongSupplier residentBytes;
    private final Runnable collect;
    private long low = Long.MAX_VALUE;
    private int collections;

    /**
     * Collects with {@link System#gc()} when {@link Pointer#physicalBytes()} has grown by
     * {@link #DEFAULT_HEADROOM_BYTES}.
     */
    public NativeGarbageCollector() {
        this(DEFAULT_HEADROOM_BYTES, Pointer::physicalBytes, System::gc);
    }

    /** For tests: the memory reading and the collection are supplied. */
    NativeGarbageCollector(long headroom, LongSupplier residentBytes, Runnable collect) {
        if (headroom <= 0) {
            throw new IllegalArgumentException("headroom must be positive: " + headroom);
        }
        this.headroom = headroom;
        this.residentBytes = residentBytes;
        this.collect = collect;
    }

    /** Called after each training step: collects if resident memory has grown by the headroom. */
    public void afterStep() {
        long resident = residentBytes.getAsLong();
        // The lowest reading since the last collection approximates the live size: ND4J frees the
        // collected buffers on its own threads over the following steps.
        low = Math.min(low, resident);
        if (resident - low >= headroom) {
            collect.run();
            collections++;
            low = resident;
        }
    }

    /** How many collections this collector has triggered. */
    public int collections() {
        return collections;
    }
}
