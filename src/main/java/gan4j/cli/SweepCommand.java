package gan4j.cli;

import gan4j.config.ConfigException;
import gan4j.io.AtomicFiles;
import gan4j.sweep.KubernetesJob;
import gan4j.sweep.Resources;
import gan4j.sweep.SlurmScript;
import gan4j.sweep.SweepDirectory;
import gan4j.sweep.SweepExpansion;
import gan4j.sweep.SweepManifest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gan sweep}: expands a sweep file into one validated config per run, and the scheduler's files. */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Expand a sweep into one validated config per run, for Slurm or Kubernetes.",
            "The sweep file names a base config and its set, grid, zip and seeds; DIR/runs/NNN/config.yaml is the",
            "resolved and validated config of index NNN, DIR/sweep.yaml the manifest (index -> overrides).",
            "--emit slurm writes DIR/sweep.sbatch (a job array), --emit k8s DIR/sweep-job.yaml (an Indexed Job);",
            "each task runs gan train --resume=auto, so a preempted or retried task continues from its checkpoint."},
        subcommands = {SweepStatusCommand.class, SweepReportCommand.class})
public final class SweepCommand implements Callable<Integer> {

    /** The scheduler files {@code --emit} can write. */
    enum Scheduler { SLURM, K8S }

    /** Reads {@code slurm} and {@code k8s} as users type them. */
    static final class SchedulerConverter implements ITypeConverter<Scheduler> {
        @Override
        public Scheduler convert(String value) {
            try {
                return Scheduler.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new ConfigException("--emit " + value + ": use slurm or k8s.");
            }
        }
    }

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, paramLabel = "SWEEP.yaml",
            description = "The sweep file: base (relative to it), set, grid, zip, seeds.")
    Path sweepFile;

    @Option(names = {"-o", "--out"}, paramLabel = "DIR", description = "The sweep directory to expand into.")
    Path out;

    @Option(names = "--emit", paramLabel = "slurm|k8s", converter = SchedulerConverter.class,
            description = "Also write the scheduler's file: slurm (DIR/sweep.sbatch), k8s (DIR/sweep-job.yaml).")
    List<Scheduler> emit = new ArrayList<>();

    @Option(names = "--max-parallel", paramLabel = "K", description = "Tasks running at once (default: all).")
    Integer maxParallel;

    @Option(names = "--gpus-per-task", paramLabel = "N", defaultValue = "0", description = "GPUs per task.")
    int gpusPerTask;

    @Option(names = "--cpus-per-task", paramLabel = "N", defaultValue = "1",
            description = "CPUs per task (also the task's OMP_NUM_THREADS).")
    int cpusPerTask;

    @Option(names = "--mem", paramLabel = "SIZE", description = "Memory per task, e.g. 8G.")
    String memory;

    @Option(names = "--time", paramLabel = "LIMIT", description = "Slurm time limit per task, e.g. 04:00:00.")
    String time;

    @Option(names = "--partition", paramLabel = "NAME", description = "Slurm partition.")
    String partition;

    @Option(names = "--launcher", paramLabel = "COMMAND",
            description = "The gan command on the compute nodes (default: the launcher running this, else gan).")
    String launcher;

    @Option(names = "--image", paramLabel = "IMAGE", defaultValue = "gan4j:latest",
            description = "k8s: the project's Docker image (default: ${DEFAULT-VALUE}).")
    String image;

    @Option(names = "--claim", paramLabel = "PVC", defaultValue = "gan4j-sweeps",
            description = "k8s: the PersistentVolumeClaim holding the sweep directory (default: ${DEFAULT-VALUE}).")
    String claim;

    @Option(names = "--mount", paramLabel = "PATH", defaultValue = "/sweep",
            description = "k8s: where the pods mount the sweep directory (default: ${DEFAULT-VALUE}).")
    String mount;

    @Option(names = "--retries", paramLabel = "N", defaultValue = "3",
            description = "k8s: failed pods retried per index, preemptions not counted (default: ${DEFAULT-VALUE}).")
    int retries;

    @Override
    public Integer call() {
        if (sweepFile == null || out == null) {
            throw new ConfigException("gan sweep needs --config SWEEP.yaml and --out DIR (or a subcommand: status DIR,"
                    + " report DIR).");
        }
        SweepDirectory dir = new SweepDirectory(out);
        SweepExpansion.Result result = SweepExpansion.expand(sweepFile, dir);
        SweepManifest manifest = result.manifest();
        int count = manifest.runs().size();
        PrintWriter printer = spec.commandLine().getOut();
        printer.println((result.unchanged() ? "unchanged: " : "expanded ") + count + " runs into " + dir.root()
                + " (sweep.yaml, runs/000" + (count > 1 ? "..runs/" + String.format("%03d", count - 1) : "")
                + "/config.yaml)");
        Resources resources = new Resources(gpusPerTask, cpusPerTask, Optional.ofNullable(memory),
                Optional.ofNullable(time), Optional.ofNullable(partition), maxParallel == null ? count : maxParallel);
        if (emit.contains(Scheduler.SLURM)) {
            AtomicFiles.writeString(dir.slurmScript(), SlurmScript.render(dir, manifest, resources, launcher()));
            dir.logs().toFile().mkdirs();
            printer.println("wrote " + dir.slurmScript() + "; submit it with: sbatch " + dir.slurmScript());
        }
        if (emit.contains(Scheduler.K8S)) {
            if (retries < 0) {
                throw new ConfigException("--retries must be 0 or more, got " + retries + ".");
            }
            AtomicFiles.writeString(dir.kubernetesJob(), KubernetesJob.render(manifest, resources,
                    new KubernetesJob.Target(image, claim, mount, retries)));
            printer.println("wrote " + dir.kubernetesJob() + "; with the sweep directory on the claim " + claim
                    + ": kubectl apply -f " + dir.kubernetesJob());
        }
        printer.println("follow it with: gan sweep status " + dir.root());
        return ExitCodes.OK;
    }

    private String launcher() {
        if (launcher != null) {
            return launcher;
        }
        String running = System.getenv("GAN4J_LAUNCHER");
        return running == null || running.isBlank() ? "gan" : running;
    }
}
