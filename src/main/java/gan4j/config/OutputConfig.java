package gan4j.config;

import java.nio.file.Path;

/** What a run writes and how often: its directory, sample grids, checkpoints, log lines. */
public record OutputConfig(Path dir, int sampleEvery, int checkpointEvery, int keepCheckpoints, int logEvery,
                           int samples) {
}
