package gan4j.sweep;

import gan4j.run.RunDirectory;
import java.nio.file.Path;

/**
 * The folder a sweep owns: its manifest, one folder per index holding the resolved config, the task
 * log the scheduler's task writes and the run directory {@code gan train} fills, and the scheduler's
 * files.
 */
public record SweepDirectory(Path root) {

    public SweepDirectory {
        root = root.toAbsolutePath().normalize();
    }

    public Path manifest() {
        return root.resolve("sweep.yaml");
    }

    public Path index(int index) {
        return root.resolve("runs").resolve(SweepPoint.folder(index));
    }

    /** The resolved, validated config of one index. */
    public Path config(int index) {
        return index(index).resolve("config.yaml");
    }

    /** Where {@code gan train} writes the index's checkpoints, metrics and samples. */
    public RunDirectory run(int index) {
        return new RunDirectory(index(index).resolve("run"));
    }

    /** Lines the task appends as it starts and ends ({@link TaskLog}). */
    public Path taskLog(int index) {
        return index(index).resolve("task.log");
    }

    /** The scheduler's output of each task. */
    public Path logs() {
        return root.resolve("logs");
    }

    public Path slurmScript() {
        return root.resolve("sweep.sbatch");
    }

    public Path kubernetesJob() {
        return root.resolve("sweep-job.yaml");
    }
}
