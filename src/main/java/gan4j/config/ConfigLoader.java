package gan4j.config;

import gan4j.data.ToyMixture;
import gan4j.objective.FDivergence;
import gan4j.objective.Objectives;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * Loads an experiment: defaults, then the YAML file, then {@code --set} overrides, validated once.
 *
 * <p>Defaults are declared here, next to the range each key accepts, and nowhere else.
 */
public final class ConfigLoader {

    /** The kinds of data source, one per {@link DataConfig} record. */
    private enum DataType { IDX, FOLDER, PACKED, TOY }

    /** The optimizer types, one per {@link OptimizerConfig.Algorithm} record. */
    private enum OptimizerType { ADAM, RMSPROP, SGD }

    private static final String NON_SATURATING = "non_saturating";
    private static final List<Integer> DCGAN_SIZES = List.of(28, 32, 64);
    private static final List<Integer> RESNET_SIZES = List.of(28, 32, 64, 128);

    public GanConfig load(Path file, List<String> overrides) {
        return parse(ConfigFile.read(file), file.toString(), defaultName(file), overrides);
    }

    /**
     * Loads {@code file} with each dotted key set to a value parsed elsewhere (a sweep file's), which
     * keeps its location for the messages.
     */
    public GanConfig load(Path file, Map<String, ConfigValue> values) {
        ConfigValue.Mapping tree = YamlTree.parse(ConfigFile.read(file), file.toString());
        Overrides.applyValues(tree, values);
        return resolve(tree, defaultName(file));
    }

    /** The YAML tree of a file, read with the same limits and checks as a config. */
    public static ConfigValue.Mapping readTree(Path file) {
        return YamlTree.parse(ConfigFile.read(file), file.toString());
    }

    /** Parses configuration text; {@code source} names it in messages. */
    public GanConfig parse(String yaml, String source, String defaultName, List<String> overrides) {
        ConfigValue.Mapping tree = YamlTree.parse(yaml, source);
        Overrides.apply(tree, overrides);
        return resolve(tree, defaultName);
    }

    private static String defaultName(Path file) {
        return file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
    }

    private GanConfig resolve(ConfigValue.Mapping tree, String defaultName) {
        Map<String, Object> resolved = new LinkedHashMap<>();
        ConfigSection root = ConfigSection.root(tree, resolved);

        String name = root.string("name", defaultName);
        long seed = root.longInteger("seed", 42, 0, Long.MAX_VALUE);
        DataConfig data = data(root.section("data"));
        ModelConfig model = model(root.section("model"));
        ObjectiveConfig objective = objective(root.section("objective"));
        TrainConfig train = train(root.section("train"));
        List<RegularizerConfig> regularizers = new ArrayList<>();
        for (ConfigSection section : root.sections("regularizers")) {
            regularizers.add(regularizer(section));
        }
        AugmentConfig augment = augment(root.section("augment"), model);
        OutputConfig output = output(root.section("output"), name);
        HealthConfig health = health(root.section("health"));
        Optional<EvalConfig> eval = root.optionalSection("eval").map(ConfigLoader::eval);
        root.finish();

        checkCombination(root, data, model);
        if (eval.isPresent() && eval.get().features().isEmpty()
                && (data instanceof DataConfig.Folder || data instanceof DataConfig.Packed)) {
            throw root.invalid("eval", "needs eval.features for " + (data instanceof DataConfig.Folder
                    ? "an image folder" : "packed data") + ", which has no classifier to lend its features: a"
                    + " TensorFlow frozen graph such as scripts/export-inception writes (Inception-v3, standard FID)");
        }
        if (eval.isPresent() && eval.get().features().isPresent() && data instanceof DataConfig.Toy) {
            throw root.invalid("eval", "takes no features for toy data, whose 2-D points are scored as they are;"
                    + " remove eval.features");
        }
        checkPacking(root, model, train, regularizers);
        checkGenerators(root, model, objective, train, regularizers);
        return new GanConfig(name, seed, data, model, objective, train, regularizers, augment, output,
                health, eval, dump(resolved));
    }

    private static HealthConfig health(ConfigSection s) {
        HealthConfig health = new HealthConfig(s.choice("on_collapse", HealthConfig.OnCollapse.WARN,
                HealthConfig.OnCollapse.class));
        s.finish();
        return health;
    }

    private static EvalConfig eval(ConfigSection s) {
        String features = s.string("features", "");
        EvalConfig eval = new EvalConfig(s.integer("every", EvalConfig.DEFAULT_EVERY, 1, Integer.MAX_VALUE),
                s.integer("samples", EvalConfig.DEFAULT_SAMPLES, 20, 50_000),
                features.isEmpty() ? Optional.empty() : Optional.of(Path.of(features)));
        s.finish();
        return eval;
    }

    private static DataConfig data(ConfigSection s) {
        DataType type = s.choice("type", DataType.IDX, DataType.class);
        int workers = s.integer("workers", Math.max(1, Runtime.getRuntime().availableProcessors() - 1), 1, 64);
        DataConfig data = switch (type) {
            case IDX -> new DataConfig.Idx(Path.of(s.string("path", "/usr/share/datasets/fashion-mnist")),
                    limit(s), workers);
            case FOLDER -> new DataConfig.Folder(Path.of(s.string("path", "data/images")),
                    s.integer("image_size", 64, 8, 1024), s.integer("channels", 3, 1, 3), workers);
            case PACKED -> new DataConfig.Packed(Path.of(s.string("path", "data/packed.gan4j")), limit(s), workers);
            case TOY -> new DataConfig.Toy(s.choice("mixture", ToyMixture.RING, ToyMixture.class),
                    s.integer("points", 100_000, 100, 10_000_000), workers);
        };
        if (data instanceof DataConfig.Folder f && f.channels() == 2) {
            throw s.invalid("channels", "must be 1 (grey) or 3 (colour), got 2");
        }
        s.finish();
        return data;
    }

    /** {@code limit: 0}, the default, means every image. */
    private static OptionalInt limit(ConfigSection s) {
        int limit = s.integer("limit", 0, 0, Integer.MAX_VALUE);
        return limit == 0 ? OptionalInt.empty() : OptionalInt.of(limit);
    }

    private static ModelConfig model(ConfigSection s) {
        if (s.has("discriminator_batch_norm")) {
            throw s.invalid("discriminator_batch_norm", "was replaced by model.discriminator_norm: batch, spectral"
                    + " or none (discriminator_batch_norm: false is discriminator_norm: none)");
        }
        ModelConfig.Family architecture = s.choice("architecture", ModelConfig.Family.DCGAN, ModelConfig.Family.class);
        boolean mlp = architecture == ModelConfig.Family.MLP;
        ModelConfig model = new ModelConfig(architecture,
                // DCGAN's paper draws 100 latents, SNGAN's ResNets 128.
                s.integer("latent_size", switch (architecture) {
                    case DCGAN -> 100;
                    case RESNET -> 128;
                    case MLP -> 2;
                }, 1, 4096),
                s.integer("generator_width", mlp ? 128 : 64, 1, 4096),
                s.integer("discriminator_width", mlp ? 128 : 64, 1, 4096),
                s.integer("hidden_layers", 3, 1, 16),
                s.integer("discriminator_extra_blocks", 0, 0, 8),
                s.bool("conditional", false),
                s.choice("generator_norm", mlp ? ModelConfig.Norm.NONE : ModelConfig.Norm.BATCH, ModelConfig.Norm.class),
                s.choice("discriminator_norm", switch (architecture) {
                    case DCGAN -> ModelConfig.Norm.BATCH;
                    case RESNET -> ModelConfig.Norm.SPECTRAL;
                    case MLP -> ModelConfig.Norm.NONE;
                }, ModelConfig.Norm.class),
                s.integer("pack", 1, 1, 8),
                s.choice("conditioning", ModelConfig.Conditioning.CONCAT, ModelConfig.Conditioning.class),
                s.integer("generators", 1, 1, 16));
        // Not has("conditioning"): a run's resolved config writes the default concat for every model.
        if (model.conditioning() == ModelConfig.Conditioning.PROJECTION && !model.conditional()) {
            throw s.invalid("conditioning", "needs model.conditional: true, since only a conditional model has"
                    + " labels to condition on");
        }
        if (model.projection() && !model.images()) {
            throw s.invalid("conditioning", "projection is built for architectures dcgan and resnet; use concat for "
                    + architecture.name().toLowerCase(java.util.Locale.ROOT));
        }
        if (model.pack() > 1 && model.images()) {
            throw s.invalid("pack", "must be 1 for " + architecture.name().toLowerCase(java.util.Locale.ROOT)
                    + "; packing is built for architecture: mlp (toy points) only");
        }
        if (model.pack() > 1 && model.conditional()) {
            throw s.invalid("pack", "must be 1 for a conditional model, whose packs would mix labels");
        }
        if (model.generators() > 1 && model.images()) {
            throw s.invalid("generators", "must be 1 for " + architecture.name().toLowerCase(java.util.Locale.ROOT)
                    + "; several generators (MAD-GAN) are built for architecture: mlp (toy points) only");
        }
        if (model.generators() > 1 && model.pack() > 1) {
            throw s.invalid("generators", "must be 1 with pack " + model.pack() + "; a packed critic scores a pack,"
                    + " not which generator made each sample, so use pack: 1 or generators: 1");
        }
        if (model.generators() > 1 && model.conditional()) {
            throw s.invalid("generators", "must be 1 for a conditional model; use conditional: false or generators: 1");
        }
        if (architecture == ModelConfig.Family.RESNET && model.discriminatorNorm() == ModelConfig.Norm.BATCH) {
            throw s.invalid("discriminator_norm", "batch is not available for a resnet critic; use spectral (SNGAN)"
                    + " or none (WGAN-GP)");
        }
        if (architecture == ModelConfig.Family.DCGAN && model.generatorNorm() == ModelConfig.Norm.SPECTRAL) {
            throw s.invalid("generator_norm", "spectral is not available for dcgan, whose generator is transposed"
                    + " convolutions; use batch or none, or architecture: resnet");
        }
        if (mlp && model.generatorNorm() == ModelConfig.Norm.SPECTRAL) {
            throw s.invalid("generator_norm", "spectral is not available for an mlp generator; use batch or none");
        }
        if (mlp && model.discriminatorNorm() != ModelConfig.Norm.NONE) {
            throw s.invalid("discriminator_norm", "must be none for mlp, which normalizes no layer");
        }
        s.finish();
        return model;
    }

    private static ObjectiveConfig objective(ConfigSection s) {
        // The registry in gan4j.objective is the one list of names; the loader only checks against it.
        String type = s.choice("type", NON_SATURATING, Objectives.names());
        Map<String, Object> params = new LinkedHashMap<>();
        if (type.equals("f_gan")) {
            FDivergence divergence = s.choice("divergence", FDivergence.JENSEN_SHANNON, FDivergence.class);
            params.put("divergence", divergence.configName());
            if (divergence.takesAlpha()) {
                params.put("alpha", s.real("alpha", 0.5, -100, 100));
            }
            params.put("saturating", s.bool("saturating", false));
        }
        s.finish();
        return new ObjectiveConfig(type, params);
    }

    private static TrainConfig train(ConfigSection s) {
        TrainConfig train = new TrainConfig(
                s.longInteger("steps", 2000, 1, Long.MAX_VALUE / 2),
                s.integer("batch_size", 64, 1, 65536),
                s.integer("d_steps_per_g_step", 1, 1, 100),
                s.bool("reuse_fake_batch", false),
                optimizer(s.section("g_optimizer")),
                optimizer(s.section("d_optimizer")),
                new TrainConfig.Divergence(s.choice("on_divergence", TrainConfig.OnDivergence.STOP,
                        TrainConfig.OnDivergence.class),
                        s.real("rollback_lr_factor", 0.5, 1e-6, 0.999999),
                        s.integer("max_rollbacks", 3, 0, 1000)),
                s.optionalSection("ema").map(ConfigLoader::ema));
        s.finish();
        return train;
    }

    private static TrainConfig.Ema ema(ConfigSection s) {
        TrainConfig.Ema ema = new TrainConfig.Ema(s.real("decay", 0.999, 0, 0.999999999),
                s.longInteger("start_step", 0, 0, Long.MAX_VALUE / 2), s.real("rampup", 0, 0, 1));
        s.finish();
        return ema;
    }

    private static OptimizerConfig optimizer(ConfigSection s) {
        OptimizerType type = s.choice("type", OptimizerType.ADAM, OptimizerType.class);
        double learningRate = s.real("lr", 2e-4, 1e-12, 10);
        OptimizerConfig.Algorithm algorithm = switch (type) {
            case ADAM -> new OptimizerConfig.Adam(s.real("beta1", 0.5, 0, 0.999999),
                    s.real("beta2", 0.999, 0, 0.999999999), s.real("epsilon", 1e-8, 0, 1));
            case RMSPROP -> new OptimizerConfig.RmsProp(s.real("decay", 0.99, 0, 0.999999),
                    s.real("epsilon", 1e-8, 0, 1));
            case SGD -> new OptimizerConfig.Sgd();
        };
        OptimizerConfig optimizer = new OptimizerConfig(algorithm, learningRate,
                s.choice("schedule", OptimizerConfig.Schedule.CONSTANT, OptimizerConfig.Schedule.class));
        s.finish();
        return optimizer;
    }

    private static AugmentConfig augment(ConfigSection s, ModelConfig model) {
        List<AugmentConfig.Op> policy = s.choices("policy", List.of(), AugmentConfig.Op.class);
        OptionalDouble target = s.has("target") ? OptionalDouble.of(s.real("target", 0.6, 0, 1))
                : OptionalDouble.empty();
        // ADA starts from no augmentation and lets D's overfitting raise it (Karras et al. 2020).
        double probability = s.real("probability", target.isPresent() ? 0 : 1, 0, 1);
        long adaImages = s.longInteger("ada_images", 10_000, 1, Long.MAX_VALUE / 2);
        s.finish();
        if (!policy.isEmpty() && !model.images()) {
            throw s.invalid("policy", "augments images, and mlp models see 2-D points; use policy: [] for toy data");
        }
        if (policy.isEmpty() && target.isPresent()) {
            throw s.invalid("target", "adapts the probability of the augmentation ops, so it needs a policy such as"
                    + " [color, translation, cutout]");
        }
        return new AugmentConfig(policy, probability, target, adaImages);
    }

    private static RegularizerConfig regularizer(ConfigSection s) {
        String type = s.choice("type", null, List.of("gradient_penalty", "r1", "r2", "weight_clip",
                "instance_noise"));
        RegularizerConfig regularizer = switch (type) {
            case "gradient_penalty" -> new RegularizerConfig.GradientPenalty(
                    s.real("weight", 10, 0, 1e6),
                    s.choice("at", "interpolates", List.of("interpolates", "data")),
                    s.real("target", 1, 0, 1e6),
                    s.bool("one_sided", false),
                    s.real("epsilon", 0.01, 1e-6, 10),
                    s.real("perturbation", 0.5, 0, 100));
            case "r1", "r2" -> new RegularizerConfig.ZeroCenteredPenalty(
                    type.equals("r1") ? RegularizerConfig.Side.REAL : RegularizerConfig.Side.FAKE,
                    s.real("weight", 10, 0, 1e6),
                    s.integer("every", 1, 1, 1_000_000),
                    s.real("epsilon", 0.01, 1e-6, 10));
            case "weight_clip" -> new RegularizerConfig.WeightClip(s.real("clip", 0.01, 1e-9, 1e3));
            default -> new RegularizerConfig.InstanceNoise(s.real("std", 0.1, 0, 100),
                    s.longInteger("anneal_steps", 1000, 0, Long.MAX_VALUE / 2));
        };
        s.finish();
        return regularizer;
    }

    private static OutputConfig output(ConfigSection s, String name) {
        OutputConfig output = new OutputConfig(
                Path.of(s.string("dir", "runs/" + name)),
                s.integer("sample_every", 500, 1, Integer.MAX_VALUE),
                s.integer("checkpoint_every", 1000, 1, Integer.MAX_VALUE),
                s.integer("keep_checkpoints", 3, 1, 1000),
                s.integer("log_every", 50, 1, Integer.MAX_VALUE),
                s.integer("samples", 64, 1, 1024),
                gridScale(s));
        s.finish();
        return output;
    }

    /** {@code output.grid_scale}: auto, or a whole enlargement factor. */
    private static OptionalInt gridScale(ConfigSection s) {
        try {
            return OutputConfig.gridScale(s.string("grid_scale", "auto"));
        } catch (IllegalArgumentException e) {
            throw s.invalid("grid_scale", e.getMessage());
        }
    }

    private static void checkCombination(ConfigSection root, DataConfig data, ModelConfig model) {
        if (data instanceof DataConfig.Toy && model.images()) {
            throw new ConfigException(root.location().source() + ": data.type toy needs model.architecture: mlp"
                    + " (2-D points are not images).");
        }
        if (!(data instanceof DataConfig.Toy) && !model.images()) {
            throw new ConfigException(root.location().source() + ": model.architecture mlp is for data.type toy;"
                    + " use dcgan or resnet for images.");
        }
        List<Integer> sizes = model.architecture() == ModelConfig.Family.DCGAN ? DCGAN_SIZES : RESNET_SIZES;
        if (data instanceof DataConfig.Folder f && !sizes.contains(f.imageSize())) {
            throw new ConfigException(root.location().source() + ": data.image_size " + f.imageSize()
                    + " is not a " + model.architecture().name().toLowerCase(java.util.Locale.ROOT)
                    + " size; use one of " + sizes.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining(", ")) + ".");
        }
    }

    private static void checkPacking(ConfigSection root, ModelConfig model, TrainConfig train,
                                     List<RegularizerConfig> regularizers) {
        int pack = model.pack();
        if (pack == 1) {
            return;
        }
        if (train.batchSize() % pack != 0) {
            throw new ConfigException(root.location().source() + ": train.batch_size " + train.batchSize()
                    + " is not divisible by model.pack " + pack + "; use a multiple of " + pack + ".");
        }
        // A penalty on per-sample gradient norms is not the packed critic's penalty; refused rather than guessed.
        for (RegularizerConfig r : regularizers) {
            if (r instanceof RegularizerConfig.GradientPenalty || r instanceof RegularizerConfig.ZeroCenteredPenalty) {
                throw new ConfigException(root.location().source() + ": gradient penalties do not work with"
                        + " model.pack " + pack + "; set model.pack: 1 or remove the penalty from regularizers.");
            }
        }
    }

    private static void checkGenerators(ConfigSection root, ModelConfig model, ObjectiveConfig objective,
                                        TrainConfig train, List<RegularizerConfig> regularizers) {
        int k = model.generators();
        if (k == 1) {
            return;
        }
        String source = root.location().source();
        if (train.batchSize() % k != 0) {
            throw new ConfigException(source + ": train.batch_size " + train.batchSize()
                    + " is not divisible by model.generators " + k + "; use a multiple of " + k + ".");
        }
        // MAD-GAN's critic is a (k+1)-way classifier trained by cross-entropy; another loss has no meaning for it.
        if (!objective.type().equals(NON_SATURATING) || !objective.params().isEmpty()) {
            throw new ConfigException(source + ": objective.type " + objective.type() + " does not work with"
                    + " model.generators " + k + ", whose critic is trained by MAD-GAN's (k+1)-class cross-entropy;"
                    + " use objective.type: " + NON_SATURATING + " or model.generators: 1.");
        }
        // A penalty on the gradient of one score has no single score to take among k+1 class logits.
        for (RegularizerConfig r : regularizers) {
            if (r instanceof RegularizerConfig.GradientPenalty || r instanceof RegularizerConfig.ZeroCenteredPenalty) {
                throw new ConfigException(source + ": gradient penalties do not work with model.generators " + k
                        + "; set model.generators: 1 or remove the penalty from regularizers.");
            }
        }
    }

    private static String dump(Map<String, Object> resolved) {
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        return new Dump(settings).dumpToString(resolved);
    }
}
