package gan4j.config;

import gan4j.data.ToyMixture;
import java.nio.file.Path;
import java.util.OptionalInt;

/** Where training samples come from; one record per kind of source. */
public sealed interface DataConfig {

    /** Threads that decode and assemble batches off the training thread. */
    int workers();

    /** IDX files (MNIST, Fashion-MNIST) in a folder; {@code limit}, when present, keeps only the first images. */
    record Idx(Path path, OptionalInt limit, int workers) implements DataConfig {
    }

    /** A folder of images, one sub-folder per class, center-cropped and resized to a square. */
    record Folder(Path path, int imageSize, int channels, int workers) implements DataConfig {
    }

    /** A packed uint8 file written by {@code gan data pack}; {@code limit} as for {@link Idx}. */
    record Packed(Path path, OptionalInt limit, int workers) implements DataConfig {
    }

    /** Points from a 2-D Gaussian mixture, the mode-collapse benchmark. */
    record Toy(ToyMixture mixture, int points, int workers) implements DataConfig {
    }
}
