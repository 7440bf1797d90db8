package gan4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.data.ToyMixture;
import gan4j.objective.FDivergence;
import gan4j.objective.Objectives;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {

    private final ConfigLoader loader = new ConfigLoader();

    private GanConfig parse(String yaml, String... overrides) {
        return loader.parse(yaml, "exp.yaml", "exp", List.of(overrides));
    }

    private String error(String yaml, String... overrides) {
        return assertThrows(ConfigException.class, () -> parse(yaml, overrides)).getMessage();
    }

    @Test
    void defaultsFillEverythingTheFileLeavesOut() {
        GanConfig config = parse("seed: 3\n");
        assertEquals(3, config.seed());
        assertEquals("exp", config.name());
        assertEquals(Path.of("runs/exp"), config.output().dir());
        assertEquals(64, config.train().batchSize());
        assertEquals(new OptimizerConfig(new OptimizerConfig.Adam(0.5, 0.999, 1e-8), 2e-4,
                OptimizerConfig.Schedule.CONSTANT), config.train().generatorOptimizer());
        assertInstanceOf(DataConfig.Idx.class, config.data());
        assertTrue(config.resolvedYaml().contains("batch_size: 64"), config.resolvedYaml());
    }

    @Test
    void unknownKeyNamesFileLineKeyAndAllowedKeys() {
        String message = error("seed: 1\ntrain:\n  steps: 10\n  stepz: 20\n");
        assertTrue(message.startsWith("exp.yaml:4: unknown key 'train.stepz'"), message);
        assertTrue(message.contains("steps"), message);
    }

    @Test
    void wrongTypeAndRangeAreRejectedWithTheKey() {
        assertEquals("exp.yaml:2: train.batch_size must be a whole number, got 'big'.",
                error("train:\n  batch_size: big\n"));
        assertTrue(error("train:\n  batch_size: 0\n").contains("train.batch_size must be between 1 and 65536, got 0"));
        assertTrue(error("train: {g_optimizer: {lr: -1}}\n").contains("train.g_optimizer.lr must be between"));
        assertTrue(error("objective: {type: vanilla}\n").contains("must be one of non_saturating"));
    }

    @Test
    void choicesReadAsTypedValuesWithTheirOwnParametersOnly() {
        GanConfig toy = parse("data: {type: toy, mixture: grid}\nmodel: {architecture: mlp}\n"
                + "train: {d_optimizer: {type: rmsprop, lr: 5e-5, schedule: linear}, g_optimizer: {type: sgd}}\n");
        assertEquals(ToyMixture.GRID, ((DataConfig.Toy) toy.data()).mixture());
        assertEquals(new OptimizerConfig(new OptimizerConfig.RmsProp(0.99, 1e-8), 5e-5,
                OptimizerConfig.Schedule.LINEAR), toy.train().discriminatorOptimizer());
        assertEquals(new OptimizerConfig.Sgd(), toy.train().generatorOptimizer().algorithm());
        assertTrue(error("train: {g_optimizer: {type: sgd, beta1: 0.5}}\n")
                .contains("unknown key 'train.g_optimizer.beta1'"));
        assertTrue(error("train: {g_optimizer: {schedule: cosine}}\n")
                .contains("must be one of constant, linear, got 'cosine'"));
        assertTrue(error("data: {type: toy, mixture: spiral}\nmodel: {architecture: mlp}\n")
                .contains("data.mixture must be one of ring, grid, got 'spiral'"));
        assertEquals(OptionalInt.empty(), ((DataConfig.Idx) parse("data: {limit: 0}\n").data()).limit());
        assertEquals(OptionalInt.of(7), ((DataConfig.Packed) parse("data: {type: packed, limit: 7}\n").data()).limit());
    }

    @Test
    void augmentationReadsItsPolicyAndNamesTheItemAndAllowedOpsWhenWrong() {
        AugmentConfig diff = parse("augment: {policy: [color, translation, cutout]}\n").augment();
        assertEquals(List.of(AugmentConfig.Op.COLOR, AugmentConfig.Op.TRANSLATION, AugmentConfig.Op.CUTOUT),
                diff.policy());
        assertEquals(1.0, diff.probability());
        assertTrue(diff.target().isEmpty());
        AugmentConfig ada = parse("augment: {policy: [flip, rotate90], target: 0.6}\n").augment();
        assertEquals(0.0, ada.probability(), "ADA starts without augmentation");
        assertEquals(0.6, ada.target().getAsDouble());
        assertEquals(AugmentConfig.OFF.policy(), parse("seed: 1\n").augment().policy());

        assertEquals("exp.yaml:1: augment.policy[1] must be one of color, brightness, saturation, contrast,"
                + " translation, cutout, flip, rotate90, got 'blur'.", error("augment: {policy: [color, blur]}\n"));
        assertTrue(error("augment: {policy: [color], probability: 2}\n")
                .contains("augment.probability must be between 0.0 and 1.0, got 2"));
        assertTrue(error("augment: {target: 0.6}\n").contains("augment.target adapts the probability"));
        assertTrue(error("augment: {policy: color}\n").contains("augment.policy must be a list"));
        assertTrue(error("data: {type: toy}\nmodel: {architecture: mlp}\naugment: {policy: [flip]}\n")
                .contains("augment.policy augments images"));
    }

    @Test
    void r1AndR2AreZeroCenteredPenaltiesWithALazyInterval() {
        GanConfig config = parse("regularizers: [{type: r1, weight: 5, every: 16}, {type: r2}]\n");
        assertEquals(new RegularizerConfig.ZeroCenteredPenalty(RegularizerConfig.Side.REAL, 5, 16, 0.01),
                config.regularizers().get(0));
        assertEquals(new RegularizerConfig.ZeroCenteredPenalty(RegularizerConfig.Side.FAKE, 10, 1, 0.01),
                config.regularizers().get(1));
        assertTrue(error("regularizers: [{type: r1, every: 0}]\n").contains("regularizers[0].every must be between 1"));
    }

    @Test
    void objectiveNamesAreTheRegistrysOwn() {
        assertTrue(error("objective: {type: vanilla}\n")
                .contains("must be one of " + String.join(", ", Objectives.names()) + ", got 'vanilla'"));
        for (String divergence : FDivergence.names()) {
            GanConfig config = parse("objective: {type: f_gan, divergence: " + divergence + "}\n");
            assertEquals(divergence, config.objective().params().get("divergence"));
            Objectives.byName(config.objective().type(), config.objective().params());
        }
    }

    @Test
    void overridesWinOverTheFileAndAreNamedInErrors() {
        GanConfig config = parse("train: {steps: 10}\n", "train.steps=500", "data.path=/data/x",
                "output.dir=/tmp/out", "seed=9", "train.batch_size=16", "output.sample_every=5",
                "output.checkpoint_every=7", "output.keep_checkpoints=2");
        assertEquals(500, config.train().steps());
        assertEquals(Path.of("/data/x"), ((DataConfig.Idx) config.data()).path());
        assertEquals(Path.of("/tmp/out"), config.output().dir());
        assertEquals(9, config.seed());
        assertEquals(16, config.train().batchSize());
        assertEquals(5, config.output().sampleEvery());
        assertEquals(7, config.output().checkpointEvery());
        assertEquals(2, config.output().keepCheckpoints());
        String message = error("seed: 1\n", "train.steps=many");
        assertTrue(message.startsWith("--set train.steps=many: train.steps must be a whole number"), message);
        assertTrue(error("seed: 1\n", "nokey").contains("expected key=value"));
    }

    @Test
    void invalidYamlAndNonMappingsAreExplained() {
        assertTrue(error("train: [1, 2\n").contains("not valid YAML"));
        assertTrue(error("- a\n- b\n").contains("top level of a config must be a mapping"));
        assertTrue(error("train: 5\n").contains("train must be a mapping"));
    }

    @Test
    void yamlTagsCannotInstantiateClasses() {
        String message = error("seed: !!java.io.File /etc/passwd\n");
        assertTrue(message.contains("seed must be a whole number"), message);
    }

    @Test
    void crossFieldRulesSayWhatToChange() {
        assertTrue(error("data: {type: toy}\n").contains("needs model.architecture: mlp"));
        assertTrue(error("data: {type: folder, image_size: 48}\n").contains("use one of 28, 32, 64"));
    }

    @Test
    void conditioningIsConcatOrProjectionForAConditionalImageModel() {
        assertEquals(ModelConfig.Conditioning.CONCAT, parse("model: {conditional: true}\n").model().conditioning(),
                "configs and checkpoints from before model.conditioning mean concat");
        assertTrue(parse("model: {conditional: true, conditioning: projection}\n").model().projection());
        assertEquals("exp.yaml:1: model.conditioning must be one of concat, projection, got 'embed'.",
                error("model: {conditional: true, conditioning: embed}\n"));
        assertEquals(ModelConfig.Conditioning.CONCAT, parse("model: {conditioning: concat}\n").model().conditioning(),
                "an unconditional run's resolved config, which names the default, loads again");
        assertTrue(error("model: {conditioning: projection}\n")
                .contains("model.conditioning needs model.conditional: true"));
        assertTrue(error("model: {architecture: mlp, conditional: true, conditioning: projection}\n")
                .contains("projection is built for architectures dcgan and resnet; use concat for mlp"));
        assertTrue(parse("model: {architecture: resnet, conditional: true, conditioning: projection}\n").model()
                .projection());
    }

    @Test
    void packIsOneToEightForToyModelsWithABatchOfWholePacks() {
        String toy = "data: {type: toy}\nmodel: {architecture: mlp, pack: 4}\ntrain: {batch_size: 256}\n";
        assertEquals(4, parse(toy).model().pack());
        assertEquals(1, parse("data: {type: toy}\nmodel: {architecture: mlp}\n").model().pack());
        assertTrue(error(toy, "model.pack=9").contains("model.pack must be between 1 and 8"),
                error(toy, "model.pack=9"));
        assertTrue(error(toy, "train.batch_size=250").contains("train.batch_size 250 is not divisible by model.pack 4"));
        assertTrue(error("model: {pack: 2}\n").contains("model.pack must be 1 for dcgan"));
        assertTrue(error(toy + "regularizers: [{type: gradient_penalty}]\n")
                .contains("gradient penalties do not work with model.pack 4"));
    }

    @Test
    void evalIsOffUnlessAskedForAndNeedsDataWithATestSplitOrAMixture() {
        assertTrue(parse("").eval().isEmpty());
        assertEquals(new EvalConfig(2000, 5000, Optional.empty()), parse("eval: {}\n").eval().orElseThrow());
        assertEquals(new EvalConfig(500, 1000, Optional.of(Path.of("inception.pb"))),
                parse("eval: {every: 500, samples: 1000, features: inception.pb}\n").eval().orElseThrow());
        assertTrue(parse("data: {type: toy}\nmodel: {architecture: mlp}\neval: {}\n").eval().isPresent());
        assertTrue(error("eval: {samples: 10}\n").contains("eval.samples must be between 20 and 50000"),
                error("eval: {samples: 10}\n"));
        String folder = error("data: {type: folder}\neval: {every: 100}\n");
        assertTrue(folder.contains("eval needs eval.features for an image folder"), folder);
        assertTrue(parse("data: {type: folder}\neval: {features: inception.pb}\n").eval().isPresent());
        assertTrue(error("data: {type: toy}\nmodel: {architecture: mlp}\neval: {features: x.pb}\n")
                .contains("remove eval.features"));
    }

    @Test
    void generatorsAreOneToSixteenForUnconditionalUnpackedToyModels() {
        String toy = "data: {type: toy}\nmodel: {architecture: mlp, generators: 4}\ntrain: {batch_size: 256}\n";
        assertEquals(4, parse(toy).model().generators());
        assertEquals(1, parse("data: {type: toy}\nmodel: {architecture: mlp}\n").model().generators());
        for (String bad : List.of("model.generators=0", "model.generators=17", "model.generators=two")) {
            String message = error(toy, bad);
            assertTrue(message.contains("model.generators must be")
                    && (message.contains("between 1 and 16") || message.contains("whole number")), message);
            assertEquals(1, message.split("\\. ").length, "one sentence: " + message);
        }
        assertTrue(error(toy, "train.batch_size=250")
                .contains("train.batch_size 250 is not divisible by model.generators 4"));
        assertTrue(error("model: {generators: 2}\n").contains("model.generators must be 1 for dcgan"));
        assertTrue(error(toy, "model.pack=2").contains("model.generators must be 1 with pack 2"));
        assertTrue(error(toy, "model.conditional=true").contains("model.generators must be 1 for a conditional"));
        assertTrue(error(toy, "objective.type=hinge").contains("objective.type hinge does not work with"
                + " model.generators 4"));
        assertTrue(error(toy + "regularizers: [{type: gradient_penalty}]\n")
                .contains("gradient penalties do not work with model.generators 4"));
    }

    @Test
    void missingFileIsOneSentence(@TempDir Path dir) {
        String message = assertThrows(ConfigException.class,
                () -> loader.load(dir.resolve("nope.yaml"), List.of())).getMessage();
        assertTrue(message.endsWith("no such config file; pass an existing YAML file to --config"
                + " (the presets are in configs/)."), message);
    }

    @Test
    void everyPresetLoads() throws IOException {
        try (Stream<Path> presets = Files.list(Path.of("configs"))) {
            List<Path> files = presets.filter(p -> p.toString().endsWith(".yaml")).toList();
            assertTrue(files.size() >= 2);
            for (Path file : files) {
                GanConfig config = loader.load(file, List.of());
                assertTrue(config.train().steps() > 0, file.toString());
            }
        }
    }

    @Test
    void normalizationIsAChoicePerNetworkWithDefaultsPerArchitecture() {
        ModelConfig dcgan = parse("seed: 1\n").model();
        assertEquals(ModelConfig.Family.DCGAN, dcgan.architecture());
        assertEquals(ModelConfig.Norm.BATCH, dcgan.generatorNorm());
        assertEquals(ModelConfig.Norm.BATCH, dcgan.discriminatorNorm());
        assertEquals(ModelConfig.Norm.SPECTRAL, parse("model: {architecture: resnet}\n").model().discriminatorNorm());
        assertEquals(128, parse("model: {architecture: resnet}\n").model().latentSize());
        assertEquals(ModelConfig.Norm.NONE,
                parse("model: {discriminator_norm: none}\n").model().discriminatorNorm());

        assertTrue(error("model: {discriminator_norm: layer}\n")
                .contains("model.discriminator_norm must be one of batch, spectral, none, got 'layer'"));
        assertTrue(error("model: {architecture: vgg}\n").contains("must be one of dcgan, resnet, mlp"));
        assertTrue(error("model: {generator_norm: spectral}\n").contains("spectral is not available for dcgan"));
        String toy = "data: {type: toy}\nmodel: {architecture: mlp";
        assertEquals(ModelConfig.Norm.NONE, parse(toy + "}\n").model().generatorNorm());
        assertEquals(ModelConfig.Norm.BATCH, parse(toy + ", generator_norm: batch}\n").model().generatorNorm());
        assertTrue(error(toy + ", generator_norm: spectral}\n")
                .contains("model.generator_norm spectral is not available for an mlp generator; use batch or none"));
        String old = error("model: {discriminator_batch_norm: false}\n");
        assertTrue(old.startsWith("exp.yaml:1: model.discriminator_batch_norm was replaced by"
                + " model.discriminator_norm"), old);
    }

    @Test
    void gridScaleIsAutoOrAWholeFactor() {
        assertTrue(parse("seed: 1\n").output().gridScale().isEmpty());
        assertEquals(4, parse("output: {grid_scale: 4}\n").output().gridScale().getAsInt());
        for (String bad : new String[] {"0", "17", "big"}) {
            assertTrue(error("output: {grid_scale: " + bad + "}\n")
                    .contains("output.grid_scale must be auto or a whole number from 1 to 16, got '" + bad + "'"), bad);
        }
    }
}
