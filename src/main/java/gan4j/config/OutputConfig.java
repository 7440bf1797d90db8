package gan4j.config;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * What a run writes and how often: its directory, sample grids, checkpoints, log lines.
 * {@code gridScale} is the factor sample grids are enlarged by, absent for "auto" (at least
 * {@link #MIN_GRID_WIDTH} pixels wide).
 */
public record OutputConfig(Path dir, int sampleEvery, int checkpointEvery, int keepCheckpoints, int logEvery,
                           int samples, OptionalInt gridScale) {

    /** A 28-pixel grid of 64 is 240 pixels wide: a thumbnail; "auto" enlarges grids to this width at least. */
    public static final int MIN_GRID_WIDTH = 512;
    public static final int MAX_GRID_SCALE = 16;

    /**
     * Reads a grid scale as written in a config or on the command line: {@code auto} (empty) or a
     * whole factor; throws {@link IllegalArgumentException} with the problem ("must be ...").
     */
    public static OptionalInt gridScale(String value) {
        if (value.equals("auto")) {
            return OptionalInt.empty();
        }
        if (value.matches("\\d{1,2}") && Integer.parseInt(value) >= 1 && Integer.parseInt(value) <= MAX_GRID_SCALE) {
            return OptionalInt.of(Integer.parseInt(value));
        }
        throw new IllegalArgumentException("must be auto or a whole number from 1 to " + MAX_GRID_SCALE + ", got '"
                + value + "'");
    }
}
