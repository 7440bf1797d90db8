package gan4j.cli;

import gan4j.config.ConfigException;
import gan4j.config.ConfigLoader;
import gan4j.config.DataConfig;
import gan4j.config.GanConfig;
import gan4j.data.toy.ToyMixture;
import gan4j.metrics.ClassConditionalEvaluation;
import gan4j.metrics.ClassifierCache;
import gan4j.metrics.ModeCoverage;
import gan4j.metrics.SampleClassifier;
import gan4j.run.Checkpoint;
import gan4j.run.CheckpointStore;
import gan4j.run.RunDirectory;
import gan4j.run.TrainedGenerator;
import gan4j.train.RandomStreams;
import gan4j.train.RandomStreams.Purpose;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gan eval}: scores a checkpoint's generator with the measure that fits its data. */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Score a checkpoint's generator.",
            "Toy 2-D models: mode coverage of generated points (modes captured, high-quality share, reverse KL).",
            "Conditional models trained on IDX data (Fashion-MNIST, MNIST): how often a classifier trained on the",
            "real data recognises the class each sample was generated for, per class; the classifier is trained",
            "on the first eval of a run and kept in <run>/eval/classifier.zip.",
            "The same checkpoint, seed and count give the same numbers."})
public final class EvalCommand implements Callable<Integer> {

    /** VEEGAN and PacGAN score 2,500 generated points. */
    static final int TOY_POINTS = 2500;
    static final int SAMPLES_PER_CLASS = 1000;

    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "PATH",
            description = "A checkpoint file (step-*.ckpt) or a run directory (then its newest checkpoint).")
    Path checkpoint;

    @Option(names = "--seed", defaultValue = "0", description = "Seed of the latent noise (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-n", "--count"}, paramLabel = "N",
            description = "Generated samples: points for toy models (default " + TOY_POINTS
                    + "), samples per class for conditional ones (default " + SAMPLES_PER_CLASS + ").")
    Integer count;

    @Override
    public Integer call() {
        if (count != null && (count < 1 || count > 100_000)) {
            throw new ConfigException("--count must be between 1 and 100000, got " + count + ".");
        }
        Checkpoint loaded = CheckpointStore.read(checkpoint);
        GanConfig config = new ConfigLoader().parse(loaded.configYaml(), checkpoint + " (its config.yaml)", "run",
                List.of());
        TrainedGenerator generator = TrainedGenerator.of(loaded, config);
        PrintWriter out = spec.commandLine().getOut();
        if (config.data() instanceof DataConfig.Toy toy && loaded.sampleShape().length == 1) {
            int points = count == null ? TOY_POINTS : count;
            out.println(header(loaded, points + " generated points against the " + toy.mixture() + " mixture"));
            ToyMixture mixture = ToyMixture.valueOf(toy.mixture().toUpperCase(Locale.ROOT));
            ModeCoverage.measure(generator.sample(points, new RandomStreams(seed).random(Purpose.EVALUATION, 0, 0)),
                    mixture).lines().forEach(out::println);
        } else if (config.data() instanceof DataConfig.Idx idx && generator.conditional()) {
            int perClass = count == null ? SAMPLES_PER_CLASS : count;
            out.println(header(loaded, perClass + " generated samples per class"));
            ClassifierCache cache = new ClassifierCache(
                    RunDirectory.containing(checkpoint).eval().resolve("classifier.zip"));
            RandomStreams random = new RandomStreams(seed);
            new ClassConditionalEvaluation(idx.path(), loaded.classNames(), cache, SampleClassifier.Recipe.DEFAULT)
                    .run((label, n) -> generator.sampleClass(label, n, random.random(Purpose.EVALUATION, 0, label)),
                            perClass, out)
                    .lines().forEach(out::println);
        } else {
            throw new ConfigException(unsupported(config, generator));
        }
        return ExitCodes.OK;
    }

    private String header(Checkpoint loaded, String what) {
        return "eval of " + checkpoint + " at step " + loaded.state().step() + ": " + what + ", seed " + seed;
    }

    private String unsupported(GanConfig config, TrainedGenerator generator) {
        String supported = "gan eval measures mode coverage of toy 2-D models and class accuracy of conditional"
                + " models trained on IDX data";
        if (config.data() instanceof DataConfig.Toy) {
            return checkpoint + " says data.type toy but holds samples that are not 2-D points, so it is damaged;"
                    + " evaluate another checkpoint of the run.";
        }
        if (!generator.conditional()) {
            return checkpoint + " holds an unconditional image model, which gan eval cannot score; " + supported
                    + " (train with model.conditional: true).";
        }
        return checkpoint + " holds a conditional model trained on data.type "
                + config.data().getClass().getSimpleName().toLowerCase(Locale.ROOT) + ", which has no test split; "
                + supported + " (data.type: idx).";
    }
}
