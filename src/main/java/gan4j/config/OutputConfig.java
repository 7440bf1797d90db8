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
}
