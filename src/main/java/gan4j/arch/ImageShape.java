package gan4j.arch;

import java.util.List;

/**
 * The image side of a convolutional GAN: images of {@code size}² pixels and {@code channels}
 * channels grown by doublings from a small base map, and G's latent input as a 1×1 map.
 * 28-pixel images start from 7×7 (two doublings), the powers of two from 4×4.
 */
record ImageShape(int size, int channels, int latentSize) {

    /** Checks {@code size} against the sizes {@code family} builds. */
    static ImageShape of(int size, int channels, int latentSize, List<Integer> sizes, String family) {
        if (!sizes.contains(size)) {
            throw new IllegalArgumentException(family + " supports " + sizes + " pixel images, not " + size);
        }
        return new ImageShape(size, channels, latentSize);
    }

    int baseSize() {
        return size == 28 ? 7 : 4;
    }

    int doublings() {
        return Integer.numberOfTrailingZeros(size / baseSize());
    }

    long[] latentShape(int batchSize) {
        return new long[] {batchSize, latentSize, 1, 1};
    }

    long[] sampleShape() {
        return new long[] {channels, size, size};
    }
}
