package gan4j.config;

import java.nio.file.Path;

/** Where training samples come from; one record per kind of source. */
public sealed interface DataConfig {

    /** Threads that decode and assemble batches off the training thread. */
    int workers();

    /** IDX files (MNIST, Fashion-MNIST) in a folder. */
    record Idx(Path path, int limit, int workers) implements DataConfig {
    }

    /** A folder of images, one sub-folder per class, center-cropped and resized to a square. */
    record Folder(Path path, int imageSize, int channels, int workers) implements DataConfig {
    }

    /** A packed uint8 file written by {@code gan data pack}. */
    record Packed(Path path, int limit, int workers) implements DataConfig {
    }

    /** Points from a 2-D Gaussian mixture, the mode-collapse benchmark. */
    record Toy(String mixture, int points, int workers) implements DataConfig {
    }
}
