package gan4j.cli;

import gan4j.config.ConfigException;
import gan4j.export.SampleExport;
import gan4j.model.GanModel;
import gan4j.nn.backend.GpuPreflight;
import gan4j.run.Checkpoint;
import gan4j.run.CheckpointStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gan export}: many samples at native size, as a folder of PNGs or one .npz, for external FID tools. */
@Command(name = "export", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Write N generated samples at their native size for torch-fidelity, clean-fid or pytorch-fid:"
                + " a folder of PNGs (000000.png ..., plus labels.csv for conditional models), or, when --out ends"
                + " in .npz, one NumPy file with x (uint8, N x H x W x C) and y (int64 classes, conditional models).",
            "Samples are generated 250 at a time, so memory stays flat for any N.",
            "The same checkpoint, seed and class give the same files; the first N of a larger export are a"
                + " smaller one's."})
public final class ExportCommand implements Callable<Integer> {

    static final int MAX_COUNT = 1_000_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "PATH",
            description = "A checkpoint file (step-*.ckpt) or a run directory (then its newest checkpoint).")
    Path checkpoint;

    @Option(names = {"-n", "--count"}, required = true, paramLabel = "N",
            description = "Number of samples (1-" + MAX_COUNT + ").")
    int count;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of the latent noise (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, required = true, paramLabel = "DIR|FILE.npz",
            description = "A new folder for PNGs, or a file ending in .npz.")
    Path out;

    @Option(names = "--class", paramLabel = "NAME|INDEX",
            description = "Only this class (conditional models): a class name or its index. Without it a"
                + " conditional model draws all classes in turn, equally often.")
    String className;

    @Mixin
    WeightsOption weights = new WeightsOption();

    @Override
    public Integer call() {
        if (count < 1 || count > MAX_COUNT) {
            throw new ConfigException("--count must be between 1 and " + MAX_COUNT + ", got " + count + ".");
        }
        SampleExport.Format format = SampleExport.Format.of(out);
        GpuPreflight.check(spec.commandLine().getOut());
        if (format == SampleExport.Format.NPZ) {
            OutputFile.check(out, "--out", "samples.npz");
        } else if (Files.exists(out)) {
            throw new ConfigException("--out " + out + " already exists; give a new folder (it is created), or a"
                    + " file name ending in .npz.");
        }
        Checkpoint loaded = CheckpointStore.read(checkpoint);
        GanModel model = weights.apply(loaded.model(), checkpoint);
        if (!model.spec().images()) {
            throw new ConfigException(checkpoint + " holds a model of 2-D points, not images; use gan eval for it.");
        }
        OptionalInt onlyClass = OptionalInt.empty();
        if (className != null) {
            if (!model.conditional()) {
                throw new ConfigException("--class needs a conditional model; " + checkpoint
                        + " was trained with model.conditional: false.");
            }
            onlyClass = OptionalInt.of(ClassChoice.index(className, model.classNames()));
        }
        new SampleExport(model, seed, onlyClass).write(count, out);
        spec.commandLine().getOut().println("wrote " + out + " (" + count + " samples"
                + (onlyClass.isPresent() ? " of class " + model.classNames().get(onlyClass.getAsInt()) : "")
                + " from step " + loaded.state().step() + ", " + weights.describe(loaded.model(), model)
                + ", seed " + seed + ")");
        return ExitCodes.OK;
    }
}
