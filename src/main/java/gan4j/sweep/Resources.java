package gan4j.sweep;

import gan4j.config.ConfigException;
import java.util.Optional;

/**
 * What one task asks the scheduler for, from {@code gan sweep}'s options, checked once so that a
 * typo stops at expansion instead of at submission.
 *
 * @param memory   per task, a whole number with an optional K, M, G or T suffix (Slurm's {@code --mem})
 * @param time     Slurm's {@code --time}: minutes, MM:SS, HH:MM:SS, D-HH, D-HH:MM or D-HH:MM:SS
 */
public record Resources(int gpusPerTask, int cpusPerTask, Optional<String> memory, Optional<String> time,
                        Optional<String> partition, int maxParallel) {

    public Resources {
        if (gpusPerTask < 0 || gpusPerTask > 64) {
            throw new ConfigException("--gpus-per-task must be 0 to 64, got " + gpusPerTask + ".");
        }
        if (cpusPerTask < 1 || cpusPerTask > 1024) {
            throw new ConfigException("--cpus-per-task must be 1 to 1024, got " + cpusPerTask + ".");
        }
        if (maxParallel < 1) {
            throw new ConfigException("--max-parallel must be at least 1, got " + maxParallel + ".");
        }
        memory.filter(m -> !m.matches("[1-9][0-9]{0,9}[KMGT]?")).ifPresent(m -> {
            throw new ConfigException("--mem " + m + ": give a whole number with an optional K, M, G or T suffix,"
                    + " for example --mem 8G.");
        });
        time.filter(t -> !t.matches("(\\d+-)?\\d+(:\\d{1,2}){0,2}")).ifPresent(t -> {
            throw new ConfigException("--time " + t + ": give minutes, HH:MM:SS or D-HH:MM:SS as Slurm reads"
                    + " them, for example --time 04:00:00.");
        });
        partition.filter(p -> !p.matches("[A-Za-z0-9_.-]+")).ifPresent(p -> {
            throw new ConfigException("--partition " + p + ": a partition name is letters, digits, '_', '.'"
                    + " and '-'.");
        });
    }

    /** Memory as a Kubernetes quantity: Slurm's binary suffixes (G is GiB) with Kubernetes' spelling. */
    Optional<String> kubernetesMemory() {
        return memory.map(m -> Character.isDigit(m.charAt(m.length() - 1)) ? m + "Mi"
                : m.substring(0, m.length() - 1) + m.charAt(m.length() - 1) + "i");
    }
}
