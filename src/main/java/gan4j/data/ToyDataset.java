package gan4j.data;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A fixed set of 2-D points pre-drawn from a {@link ToyMixture}, so the toy benchmarks train on a
 * finite dataset addressed by index like every other one.
 *
 * <p>The points keep the mixture's own coordinates and are <em>not</em> scaled to [-1, 1] (the grid
 * spans ±4), so a generator for toy data needs a linear output layer, not tanh.
 */
public final class ToyDataset implements Dataset {

    /** The dataset size used when none is configured. */
    public static final int DEFAULT_SIZE = 100_000;

    private static final List<String> CLASS_NAMES = List.of("points");

    private final ToyMixture mixture;
    private final long seed;
    // x0, y0, x1, y1, ...: read() copies floats, so convert once here rather than per batch.
    private final float[] coordinates;

    public ToyDataset(ToyMixture mixture, int size, long seed) {
        this.mixture = Objects.requireNonNull(mixture, "mixture");
        if (size <= 0) {
            throw new IllegalArgumentException("a toy dataset needs at least one point, got " + size);
        }
        this.seed = seed;
        this.coordinates = new float[2 * size];
        double[][] points = mixture.sample(size, seed);
        for (int i = 0; i < size; i++) {
            coordinates[2 * i] = (float) points[i][0];
            coordinates[2 * i + 1] = (float) points[i][1];
        }
    }

    /** {@value #DEFAULT_SIZE} points from {@code mixture}, drawn with {@code seed}. */
    public ToyDataset(ToyMixture mixture, long seed) {
        this(mixture, DEFAULT_SIZE, seed);
    }

    public ToyMixture mixture() {
        return mixture;
    }

    @Override
    public int size() {
        return coordinates.length / 2;
    }

    @Override
    public int channels() {
        return 2;
    }

    @Override
    public int height() {
        return 1;
    }

    @Override
    public int width() {
        return 1;
    }

    @Override
    public long[] sampleShape() {
        return new long[] {2};
    }

    @Override
    public List<String> classNames() {
        return CLASS_NAMES;
    }

    @Override
    public int label(int index) {
        Objects.checkIndex(index, size());
        return 0;
    }

    /** Writes the point's x and y, in the mixture's coordinates (not scaled to [-1, 1]). */
    @Override
    public void read(int index, float[] dst, int offset) {
        Objects.checkIndex(index, size());
        System.arraycopy(coordinates, 2 * index, dst, offset, 2);
    }

    @Override
    public String describe() {
        return String.format("toy %s: %d points from %d Gaussians (std %s), seed %d",
                mixture.name().toLowerCase(Locale.ROOT), size(), mixture.modes(),
                mixture.std(), seed);
    }
}
