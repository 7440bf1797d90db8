package gan4j.cli;

import gan4j.config.ConfigException;
import gan4j.config.ConfigLoader;
import gan4j.config.DataConfig;
import gan4j.config.GanConfig;
import gan4j.metrics.ClassifierCache;
import gan4j.metrics.FeatureExtractor;
import gan4j.data.Dataset;
import gan4j.metrics.IdxEvaluation;
import gan4j.metrics.ImageSetEvaluation;
import gan4j.metrics.ModeCoverage;
import gan4j.metrics.SampleClassifier;
import gan4j.model.GanModel;
import gan4j.nn.backend.GpuPreflight;
import gan4j.nn.features.FrozenGraphFeatures;
import gan4j.nn.features.PixelRange;
import gan4j.random.RandomStreams.Purpose;
import gan4j.random.RandomStreams;
import gan4j.run.Checkpoint;
import gan4j.run.CheckpointStore;
import gan4j.run.Datasets;
import gan4j.run.RunDirectory;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.nd4j.linalg.api.ndarray.INDArray;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code gan eval}: scores a checkpoint's generator with the measures that fit its data. */
@Command(name = "eval", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = {"Score a checkpoint's generator.",
            "Toy 2-D models: mode coverage of generated points (modes captured, high-quality share, reverse KL).",
            "Image models trained on IDX data (Fashion-MNIST, MNIST) are judged by a small classifier trained on"
                + " the real training images (on a run's first eval, then kept in <run>/eval/classifier.zip) and"
                + " checked on the real test images. Conditional models: how often it recognises the class each"
                + " sample was generated for, per class. All: the Frechet distance between generated and real test"
                + " images in its features, a dataset-specific score NOT comparable to Inception FID; then KID,"
                + " precision and recall (k=3), density and coverage (k=5) and the entropy of the classes it sees in"
                + " the samples, each with a 95%% bootstrap interval and the protocol beside it.",
            "--features FILE measures the Frechet distance, KID, precision/recall and density/coverage in the"
                + " features of a TensorFlow frozen graph instead (Inception-v3 pool_3 gives standard FID; see"
                + " scripts/export-inception); class accuracy and entropy stay with the classifier. Models of an"
                + " image folder or packed images, which have neither classifier nor test split, need --features:"
                + " they are scored against up to 10,000 evenly spaced training images.",
            "The same checkpoint, seed and count give the same numbers."})
public final class EvalCommand implements Callable<Integer> {

    /** VEEGAN and PacGAN score 2,500 generated points. */
    static final int TOY_POINTS = 2500;
    static final int SAMPLES_PER_CLASS = 1000;
    /** As many as Fashion-MNIST's test set, which the Fréchet distance compares them with. */
    static final int IMAGE_SAMPLES = 10_000;

    @Spec
    CommandSpec spec;

    @Option(names = "--checkpoint", required = true, paramLabel = "PATH",
            description = "A checkpoint file (step-*.ckpt) or a run directory (then its newest checkpoint).")
    Path checkpoint;

    @Option(names = "--seed", defaultValue = "0", paramLabel = "S",
            description = "Seed of the latent noise (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = {"-n", "--count"}, paramLabel = "N",
            description = "Generated samples: points for toy models (default " + TOY_POINTS
                    + "), samples per class for conditional image models (default " + SAMPLES_PER_CLASS
                    + "), samples for unconditional ones (default " + IMAGE_SAMPLES + ").")
    Integer count;

    @Option(names = "--features", paramLabel = "FILE",
            description = "A TensorFlow frozen graph (.pb, at most 512 MB) whose output is the feature space of the"
                    + " sample-quality metrics, e.g. Inception-v3 pool_3 for standard FID.")
    Path features;

    @Option(names = "--features-input", paramLabel = "NAME",
            description = "The graph's image placeholder [N, H, W, 1|3] (default: its only placeholder).")
    String featuresInput;

    @Option(names = "--features-output", paramLabel = "NAME",
            description = "The node whose values are the features (default: the graph's only final node).")
    String featuresOutput;

    @Option(names = "--features-range", defaultValue = "-1,1", paramLabel = "LOW,HIGH",
            description = "Pixel range the graph expects: -1,1 | 0,1 | 0,255 (default ${DEFAULT-VALUE}, what"
                    + " Inception-v3 takes after TTUR's and pytorch-fid's own scaling).")
    String featuresRange;

    @Mixin
    WeightsOption weights = new WeightsOption();

    @Override
    public Integer call() {
        if (count != null && (count < 1 || count > 100_000)) {
            throw new ConfigException("--count must be between 1 and 100000, got " + count + ".");
        }
        PixelRange range = PixelRange.parse(featuresRange);
        GpuPreflight.check(spec.commandLine().getOut());
        Checkpoint loaded = CheckpointStore.read(checkpoint);
        GanConfig config = new ConfigLoader().parse(loaded.configYaml(), checkpoint + " (its config.yaml)", "run",
                List.of());
        GanModel generator = weights.apply(loaded.model(), checkpoint);
        PrintWriter out = spec.commandLine().getOut();
        if (features != null && config.data() instanceof DataConfig.Toy) {
            throw new ConfigException("--features applies to image models; " + checkpoint + " holds a toy model,"
                    + " whose 2-D points are scored as they are: drop --features.");
        }
        if (config.data() instanceof DataConfig.Toy toy && !generator.spec().images()) {
            modeCoverage(loaded, toy, generator, out);
        } else if (config.data() instanceof DataConfig.Idx idx) {
            imageScores(loaded, idx, generator, range, out);
        } else if (features != null) {
            imageSetScores(loaded, config, generator, range, out);
        } else {
            throw new ConfigException(unsupported(config));
        }
        return ExitCodes.OK;
    }

    private void modeCoverage(Checkpoint loaded, DataConfig.Toy toy, GanModel generator, PrintWriter out) {
        int points = count == null ? TOY_POINTS : count;
        out.println(header(loaded, generator, points + " generated points against the "
                + toy.mixture().name().toLowerCase(Locale.ROOT) + " mixture"));
        ModeCoverage.measure(generator.sample(points, new RandomStreams(seed).random(Purpose.EVALUATION, 0, 0)),
                toy.mixture()).lines().forEach(out::println);
    }

    private void imageScores(Checkpoint loaded, DataConfig.Idx idx, GanModel generator, PixelRange range,
                             PrintWriter out) {
        boolean conditional = generator.conditional();
        int samples = count == null ? (conditional ? SAMPLES_PER_CLASS : IMAGE_SAMPLES) : count;
        if (!conditional && samples < 2) {
            throw new ConfigException("--count must be at least 2 for an image model: a Frechet distance needs"
                    + " the covariance of its samples.");
        }
        // A bad network file should fail before minutes of classifier training.
        Optional<FeatureExtractor> network = Optional.ofNullable(features).map(file -> FrozenGraphFeatures.load(file,
                featuresInput, featuresOutput, range));
        out.println(header(loaded, generator, samples + " generated samples" + (conditional ? " per class" : "")));
        Path classifierFile = RunDirectory.containing(checkpoint).eval().resolve("classifier.zip");
        IdxEvaluation evaluation = IdxEvaluation.prepare(idx.path(), generator.classNames(),
                new ClassifierCache(classifierFile), SampleClassifier.Recipe.DEFAULT, network, out);
        RandomStreams random = new RandomStreams(seed);
        List<String> lines = conditional
                ? evaluation.conditional((label, n) -> generator.sampleClass(label, n,
                        random.random(Purpose.EVALUATION, 0, label)), samples, seed)
                : evaluation.unconditional(n -> generator.sample(n, random.random(Purpose.EVALUATION, 0, 0)), samples,
                        seed);
        lines.forEach(out::println);
    }

    /** An image folder's generator: no classifier, no test split; the user's network against the training images. */
    private void imageSetScores(Checkpoint loaded, GanConfig config, GanModel generator, PixelRange range,
                                PrintWriter out) {
        int samples = count == null ? IMAGE_SAMPLES : count;
        if (samples < 2) {
            throw new ConfigException("--count must be at least 2 for an image model: a Frechet distance needs"
                    + " the covariance of its samples.");
        }
        FeatureExtractor network = FrozenGraphFeatures.load(features, featuresInput, featuresOutput, range);
        out.println(header(loaded, generator, samples + " generated samples"));
        RandomStreams random = new RandomStreams(seed);
        INDArray images = generator.sampleEvenly(samples, label -> random.random(Purpose.EVALUATION, 0, label));
        try (Dataset data = Datasets.open(config.data(), config.seed())) {
            ImageSetEvaluation.lines(data, network, images, seed).forEach(out::println);
        }
    }

    private String header(Checkpoint loaded, GanModel generator, String what) {
        return "eval of " + checkpoint + " at step " + loaded.state().step() + " ("
                + weights.describe(loaded.model(), generator) + "): " + what + ", seed " + seed;
    }

    private String unsupported(GanConfig config) {
        if (config.data() instanceof DataConfig.Toy) {
            return checkpoint + " says data.type toy but holds samples that are not 2-D points, so it is damaged;"
                    + " evaluate another checkpoint of the run.";
        }
        return checkpoint + " holds a model trained on data.type "
                + config.data().getClass().getSimpleName().toLowerCase(Locale.ROOT) + ", which has no classifier"
                + " and no test split to judge it by; add --features FILE (a TensorFlow frozen graph such as"
                + " scripts/export-inception writes) to score it against its training images in that network's"
                + " features.";
    }
}
