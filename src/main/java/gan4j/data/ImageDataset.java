package gan4j.data;

import java.util.List;

/**
 * A finite, randomly addressable set of labelled images, already scaled to [-1, 1].
 *
 * <p>Random access by index lets a batch be a pure function of (seed, step), which is what makes a
 * resumed run draw exactly the batches an uninterrupted one would.
 */
public interface ImageDataset extends AutoCloseable {

    int size();

    int channels();

    int height();

    int width();

    /** Class names in label order; a single entry for unlabelled data. */
    List<String> classNames();

    int label(int index);

    /**
     * Writes image {@code index} as channels × height × width floats in [-1, 1] into {@code dst}
     * starting at {@code offset}. Implementations must be safe to call from several threads.
     */
    void read(int index, float[] dst, int offset);

    /** A short description for logs and provenance, e.g. the source path and format. */
    String describe();

    @Override
    default void close() {
    }
}
