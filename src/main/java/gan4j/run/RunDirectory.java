package gan4j.run;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder a run owns, and the only place it writes: resolved config, provenance, metrics,
 * sample grids, plots and checkpoints.
 */
public record RunDirectory(Path root) {

    static final String CHECKPOINTS = "checkpoints";

    /**
     * The run a checkpoint file, a run's {@code checkpoints/} folder or a run directory belongs to;
     * a checkpoint file outside any {@code checkpoints/} folder counts its own folder as the run.
     */
    public static RunDirectory containing(Path checkpointOrRun) {
        Path folder = Files.isDirectory(checkpointOrRun) ? checkpointOrRun
                : checkpointOrRun.toAbsolutePath().getParent();
        boolean checkpointFolder = folder.endsWith(CHECKPOINTS);
        return new RunDirectory(checkpointFolder ? folder.toAbsolutePath().getParent() : folder);
    }

    public Path config() {
        return root.resolve("config.yaml");
    }

    public Path provenance() {
        return root.resolve("provenance.yaml");
    }

    public Path metrics() {
        return root.resolve("metrics.csv");
    }

    public Path samples() {
        return root.resolve("samples");
    }

    public Path plots() {
        return root.resolve("plots");
    }

    public Path checkpoints() {
        return root.resolve(CHECKPOINTS);
    }

    /** What {@code gan eval} keeps between evaluations, such as its trained classifier. */
    public Path eval() {
        return root.resolve("eval");
    }
}
