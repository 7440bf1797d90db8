package gan4j.cli;

import gan4j.config.ConfigException;
import gan4j.config.ConfigLoader;
import gan4j.config.DataConfig;
import gan4j.config.GanConfig;
import gan4j.config.OutputConfig;
import gan4j.model.GanModel;
import gan4j.nn.backend.GpuPreflight;
import gan4j.objective.Objective;
import gan4j.objective.Objectives;
import gan4j.random.RandomStreams.Purpose;
import gan4j.random.RandomStreams;
import gan4j.report.ImageGrid;
import gan4j.report.ToySampleRenderer;
import gan4j.run.Checkpoint;
import gan4j.run.CheckpointStore;
import gan4j.train.SampleInputs;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gan sample}: images from a trained generator, as one PNG grid; for a toy model, its points
 * over D's heat map and the mixture's own points.
 */
@Command(name = "sample", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Generate a PNG grid of samples from a checkpoint (a plot of the points for a toy 2-D model).",
            "The same checkpoint, seed, count and class give the same PNG, byte for byte."})
public final class SampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "PATH",
            description = "A checkpoint file (step-*.ckpt) or a run directory (then its newest checkpoint).")
    Path checkpoint;

    @Option(names = {"-n", "--count"}, defaultValue = "64", description = "Number of samples (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the latent noise (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-o", "--out"}, defaultValue = "samples.png", paramLabel = "FILE",
            description = "Output PNG (default ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--scale", defaultValue = "auto", paramLabel = "auto|N",
            description = "Enlarge the grid N times (1-" + OutputConfig.MAX_GRID_SCALE + "), or by the smallest factor"
                    + " that makes it at least " + OutputConfig.MIN_GRID_WIDTH + " px wide (default ${DEFAULT-VALUE}).")
    String scale;

    @Option(names = "--class", paramLabel = "NAME|INDEX",
            description = "Only this class (conditional models): a class name or its index.")
    String className;

    @Mixin
    WeightsOption weights = new WeightsOption();

    @Override
    public Integer call() {
        if (count < 1 || count > 4096) {
            throw new ConfigException("--count must be between 1 and 4096, got " + count + ".");
        }
        OutputFile.check(out, "-o", "samples.png");
        OptionalInt factor = scale();
        GpuPreflight.check(spec.commandLine().getOut());
        Checkpoint loaded = CheckpointStore.read(checkpoint);
        GanModel model = weights.apply(loaded.model(), checkpoint);
        SplittableRandom random = new RandomStreams(seed).random(Purpose.SAMPLE, 0, 0);
        if (!model.spec().images()) {
            return points(loaded, model, random);
        }
        SampleInputs inputs;
        if (className != null) {
            if (!model.conditional()) {
                throw new ConfigException("--class needs a conditional model; " + checkpoint
                        + " was trained with model.conditional: false.");
            }
            inputs = model.classInputs(ClassChoice.index(className, model.classNames()), count, random);
        } else {
            inputs = model.gridInputs(count, random);
        }
        ImageGrid.write(model.generate(inputs.input()), inputs.columns(), factor, out);
        spec.commandLine().getOut().println("wrote " + out + " (" + inputs.input().size(0) + " samples from step "
                + loaded.state().step() + ", " + weights.describe(loaded.model(), model) + ")");
        return ExitCodes.OK;
    }

    /** The toy model's points as a plot: modes are what a reader looks for, and a grid of points shows none. */
    private int points(Checkpoint loaded, GanModel model, SplittableRandom random) {
        GanConfig config = new ConfigLoader().parse(loaded.configYaml(), checkpoint + " (its config.yaml)", "run",
                List.of());
        if (!(config.data() instanceof DataConfig.Toy toy) || className != null) {
            throw new ConfigException(checkpoint + " holds a model of 2-D points" + (className != null
                    ? " without classes; leave --class out." : " but no toy mixture in its config.yaml, so it is damaged."));
        }
        SampleInputs inputs = model.gridInputs(count, random);
        Objective objective = Objectives.forGenerators(model.generators(), config.objective().type(),
                config.objective().params());
        new ToySampleRenderer(toy.mixture(), toy.mixture().sample(count, random), inputs, objective,
                config.name() + " at step " + loaded.state().step(), model.architecture().pack())
                .render(model.generate(inputs.input()).toDoubleMatrix(), model.critic(), out);
        spec.commandLine().getOut().println("wrote " + out + " (" + count + " points from step "
                + loaded.state().step() + ", " + weights.describe(loaded.model(), model) + ")");
        return ExitCodes.OK;
    }

    private OptionalInt scale() {
        try {
            return OutputConfig.gridScale(scale);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--scale " + e.getMessage() + ".");
        }
    }
}
