package gan4j.data;

import java.util.List;

/**
 * A finite, randomly addressable set of labelled samples (images, or 2-D points for the toy
 * benchmarks), already scaled to the range the generator produces.
 *
 * <p>Random access by index lets a batch be a pure function of (seed, step), which is what makes a
 * resumed run draw exactly the batches an uninterrupted one would.
 */
public interface Dataset extends AutoCloseable {

    int size();

    int channels();

    int height();

    int width();

    /** Shape of one sample as the networks see it: channels × height × width for images. */
    default long[] sampleShape() {
        return new long[] {channels(), height(), width()};
    }

    /** Class names in label order; a single entry for unlabelled data. */
    List<String> classNames();

    /** The class of sample {@code index}, as a position in {@link #classNames()}. */
    int label(int index);

    /**
     * Writes sample {@code index} (for images: channels × height × width floats in [-1, 1], row-major)
     * into {@code dst} starting at {@code offset}. Implementations must be safe to call from several
     * threads.
     */
    void read(int index, float[] dst, int offset);

    /** A short description for logs and provenance, e.g. the source path and format. */
    String describe();

    @Override
    default void close() {
    }
}
