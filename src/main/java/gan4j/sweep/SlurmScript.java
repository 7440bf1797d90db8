package gan4j.sweep;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code DIR/sweep.sbatch}: the sweep as one Slurm job array, a task per index, at most
 * {@code maxParallel} at a time. Slurm sends USR1 to the batch shell 120 s before the time limit
 * ({@code --signal=B:USR1@120}: a DCGAN-64 step takes about 1 s on a CPU and a checkpoint a few
 * seconds, so this leaves a wide margin); the task passes it on to {@code gan train}, which
 * checkpoints and exits 143, and the task then requeues itself ({@code --requeue} allows it), so
 * the next attempt continues from that checkpoint. Each index appends to {@code logs/N.log}.
 */
public final class SlurmScript {

    /** Seconds before the time limit at which Slurm asks the task to stop. */
    static final int SIGNAL_SECONDS = 120;

    private SlurmScript() {
    }

    public static String render(SweepDirectory dir, SweepManifest manifest, Resources resources, String launcher) {
        int count = manifest.runs().size();
        List<String> options = new ArrayList<>();
        options.add("--job-name=gan4j-" + manifest.name());
        options.add("--array=0-" + (count - 1) + "%" + Math.min(resources.maxParallel(), count));
        options.add("--requeue");
        options.add("--signal=B:USR1@" + SIGNAL_SECONDS);
        options.add("--open-mode=append");
        options.add("--output=" + dir.logs().resolve("%a.log"));
        options.add("--chdir=" + dir.root());
        options.add("--ntasks=1");
        options.add("--cpus-per-task=" + resources.cpusPerTask());
        if (resources.gpusPerTask() > 0) {
            options.add("--gpus-per-task=" + resources.gpusPerTask());
        }
        resources.memory().ifPresent(m -> options.add("--mem=" + m));
        resources.time().ifPresent(t -> options.add("--time=" + t));
        resources.partition().ifPresent(p -> options.add("--partition=" + p));

        StringBuilder script = new StringBuilder("#!/bin/bash\n");
        script.append("# Sweep ").append(manifest.name()).append(": ").append(count)
                .append(" runs as a Slurm job array, written by gan sweep. Submit: sbatch ")
                .append(dir.slurmScript()).append("\n");
        options.forEach(o -> script.append("#SBATCH ").append(o).append('\n'));
        script.append("set -u\n");
        script.append("export OMP_NUM_THREADS=${OMP_NUM_THREADS:-${SLURM_CPUS_PER_TASK:-1}}\n");
        script.append("sweep=").append(TaskScript.quote(dir.root().toString())).append('\n');
        script.append("index=$SLURM_ARRAY_TASK_ID\n");
        script.append(TaskScript.bodyRequeueing(TaskScript.quote(launcher),
                "job=${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID} restarts=${SLURM_RESTART_COUNT:-0}",
                "scontrol requeue \"${SLURM_ARRAY_JOB_ID}_${SLURM_ARRAY_TASK_ID}\""));
        return script.toString();
    }
}
