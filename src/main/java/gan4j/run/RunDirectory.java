package gan4j.run;

import java.nio.file.Path;

/**
 * The folder a run owns, and the only place it writes: resolved config, provenance, metrics,
 * sample grids, plots and checkpoints.
 */
public record RunDirectory(Path root) {

    static final String CHECKPOINTS = "checkpoints";

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
}
