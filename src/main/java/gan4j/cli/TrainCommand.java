package gan4j.cli;

import gan4j.config.ConfigException;
import gan4j.config.ConfigLoader;
import gan4j.config.GanConfig;
import gan4j.nn.backend.GpuPreflight;
import gan4j.run.TrainingRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gan train}: trains the experiment a YAML config describes, or resumes it. */
@Command(name = "train", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Train a GAN from a YAML experiment config.",
            "Writes everything to output.dir (default runs/<config name>): config.yaml, provenance.yaml,",
            "metrics.csv, samples/step-*.png, plots/training.png and checkpoints/step-*.ckpt.",
            "Ctrl-C or SIGTERM finishes the current step, writes a checkpoint and exits."})
public final class TrainCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = {"-c", "--config"}, required = true, paramLabel = "FILE",
            description = "Experiment config (YAML), e.g. configs/dcgan-fashion-mnist.yaml.")
    Path config;

    @Option(names = "--set", paramLabel = "KEY=VALUE",
            description = "Override a config key by dotted path, e.g. --set train.steps=500 (repeatable).")
    List<String> overrides = new ArrayList<>();

    @Option(names = "--resume", arity = "0..1", fallbackValue = "always", paramLabel = "auto",
            description = {"Continue the run in output.dir from its newest checkpoint that reads (a damaged newest one"
                + " is reported and the one before it used).",
                "--resume=auto continues when output.dir holds a checkpoint and starts the run otherwise: the same"
                + " command for a batch task's first start, a requeue and a retry (a finished run exits 0 at once)."})
    String resume;

    @Option(names = "--resume-from", paramLabel = "FILE",
            description = "Continue the run in output.dir from this checkpoint file (implies --resume).")
    java.nio.file.Path resumeFrom;

    private TrainingRun.Resume resumeMode() {
        if (resumeFrom != null || "always".equals(resume)) {
            return TrainingRun.Resume.YES;
        }
        if (resume == null) {
            return TrainingRun.Resume.NO;
        }
        if (resume.equals("auto")) {
            return TrainingRun.Resume.AUTO;
        }
        throw new ConfigException("--resume takes no value or =auto, got '" + resume + "'; use --resume to continue"
                + " a run or --resume=auto to continue or start it.");
    }

    @Override
    public Integer call() {
        GanConfig loaded = new ConfigLoader().load(config, overrides);
        GpuPreflight.check(spec.commandLine().getOut());
        boolean interactive = System.console() != null;
        new TrainingRun(loaded, new TrainingRun.Options(resumeMode(), resumeFrom, spec.commandLine().getOut(),
                interactive)).execute();
        return ExitCodes.OK;
    }
}
