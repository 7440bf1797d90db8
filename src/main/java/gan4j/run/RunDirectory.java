package gan4j.run;

import gan4j.html.RunFiles;
import gan4j.io.AtomicFiles;
import gan4j.io.RunException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The folder a run owns, and the only place it writes: resolved config, provenance, metrics,
 * sample grids, plots and checkpoints.
 */
public record RunDirectory(Path root) {

    static final String CHECKPOINTS = "checkpoints";
    /** Everything a run writes at its top level; anything else in the folder is someone else's. */
    private static final Set<String> OWN = Set.of("config.yaml", "provenance.yaml", "metrics.csv", "events.csv",
            "health.csv", "eval.csv",
            "samples", "plots", CHECKPOINTS, "eval", RunLock.FILE, "report.html");

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

    /** The files the HTML report reads, and where it goes. */
    public RunFiles reportFiles() {
        return new RunFiles(root, metrics(), samples(), config(), provenance(), health(), evalLog());
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

    /** Things that happened to the run besides its steps, such as divergence rollbacks. */
    public Path events() {
        return root.resolve("events.csv");
    }

    /** What the health monitor saw: D saturation, a stalled generator, mode collapse. */
    public Path health() {
        return root.resolve("health.csv");
    }

    /** One row per evaluation during training ({@code eval}). */
    public Path evalLog() {
        return root.resolve("eval.csv");
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

    /**
     * The first entry of the folder that a run of gan4j did not write, if any: a file of the user's,
     * or a {@code config.yaml} or {@code metrics.csv} without the {@code provenance.yaml} that every
     * run writes beside them.
     */
    public Optional<String> foreignEntry() {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> entries = Files.list(root)) {
            Optional<String> unknown = entries.map(p -> p.getFileName().toString())
                    .filter(name -> !OWN.contains(name) && !name.endsWith(AtomicFiles.TEMP_SUFFIX))
                    .sorted().findFirst();
            if (unknown.isPresent() || Files.exists(provenance())) {
                return unknown;
            }
            return Stream.of(config(), metrics()).filter(Files::exists).map(p -> p.getFileName().toString())
                    .findFirst();
        } catch (IOException e) {
            throw new RunException("cannot list " + root + ": " + e.getMessage() + "; check its permissions.", e);
        }
    }

    /** Deletes the temporary files a killed process left in the folder and its checkpoints. */
    public void removeStaleTemporaries() {
        for (Path folder : new Path[] {root, checkpoints()}) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            try (Stream<Path> entries = Files.list(folder)) {
                for (Path stale : entries.filter(p -> p.getFileName().toString().endsWith(AtomicFiles.TEMP_SUFFIX))
                        .toList()) {
                    Files.deleteIfExists(stale);
                }
            } catch (IOException e) {
                throw new RunException("cannot clean " + folder + ": " + e.getMessage() + "; check its permissions.", e);
            }
        }
    }
}
