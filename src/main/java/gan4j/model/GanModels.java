package gan4j.model;

import gan4j.arch.Architecture;
import gan4j.arch.Architectures;
import gan4j.arch.Optimizers;
import gan4j.config.GanConfig;
import gan4j.config.ModelConfig;
import gan4j.data.DataException;
import gan4j.nn.Conditioning;
import gan4j.nn.Network;
import gan4j.nn.Networks;
import gan4j.random.RandomStreams.Purpose;
import gan4j.random.RandomStreams;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.NoOp;

/**
 * Builds the {@link GanModel} a configuration describes for a {@link ModelSpec}: the one place that
 * decides architecture, conditioning, initialisation seeds and optimizers, for a new run and for a
 * checkpoint being loaded alike.
 */
public final class GanModels {

    private GanModels() {
    }

    /**
     * A freshly initialised model; {@code what} names the data in errors (e.g. the dataset's
     * description). Throws {@link DataException} when the spec does not fit the configuration.
     */
    public static GanModel create(GanConfig config, ModelSpec spec, String what) {
        return create(config, spec, what, 1.0);
    }

    /**
     * A freshly initialised model whose optimizers run at {@code learningRateScale} times the
     * configured rates, as after a divergence rollback; the initial weights do not depend on it.
     */
    public static GanModel create(GanConfig config, ModelSpec spec, String what, double learningRateScale) {
        Architecture architecture = architecture(config, spec, what);
        Conditioning conditioning = conditioning(config, spec, what);
        RandomStreams random = new RandomStreams(config.seed());
        long updates = config.train().steps();
        Architecture.NetworkSpec g = new Architecture.NetworkSpec(conditioning.channels(),
                random.random(Purpose.GENERATOR_INIT, 0, 0).nextLong(),
                Optimizers.updater(config.train().generatorOptimizer().withLearningRateScaledBy(learningRateScale),
                        updates), DataType.FLOAT);
        Architecture.NetworkSpec d = new Architecture.NetworkSpec(conditioning.channels(),
                random.random(Purpose.DISCRIMINATOR_INIT, 0, 0).nextLong(),
                Optimizers.updater(config.train().discriminatorOptimizer().withLearningRateScaledBy(learningRateScale),
                        updates * config.train().discriminatorStepsPerGeneratorStep()), DataType.FLOAT);
        Networks networks = new Networks(architecture.newGenerator(g), architecture.newDiscriminator(d));
        Optional<Network> average = config.train().ema().map(ema -> {
            // Never updated by an optimizer, so it carries none; it starts as a copy of G.
            Network copy = architecture.newGenerator(new Architecture.NetworkSpec(g.conditionChannels(), g.seed(),
                    new NoOp(), g.dataType()));
            copy.params().assign(networks.generator().params());
            return copy;
        });
        return new GanModel(networks, average, architecture, conditioning, spec);
    }

    private static Architecture architecture(GanConfig config, ModelSpec spec, String what) {
        boolean images = config.model().images();
        long[] shape = spec.sampleShape();
        if (images != spec.images()) {
            throw new DataException(what + " holds " + (spec.images() ? "images" : "points") + ", which model.architecture "
                    + config.model().architecture().name().toLowerCase(java.util.Locale.ROOT) + " does not take; use " + (spec.images() ? "dcgan" : "mlp")
                    + " for them.");
        }
        boolean resnet = config.model().architecture() == ModelConfig.Family.RESNET;
        List<Long> sizes = resnet ? List.of(28L, 32L, 64L, 128L) : List.of(28L, 32L, 64L);
        if (images && (shape[1] != shape[2] || !sizes.contains(shape[1]))) {
            throw new DataException(what + " has " + shape[1] + "×" + shape[2] + " images; "
                    + (resnet ? "ResNet needs square 28, 32, 64 or 128" : "DCGAN needs square 28, 32 or 64")
                    + " pixel images (set data.image_size for folders).");
        }
        return Architectures.of(config.model(), shape, spec.dataScale());
    }

    private static Conditioning conditioning(GanConfig config, ModelSpec spec, String what) {
        if (!config.model().conditional()) {
            return Conditioning.none();
        }
        if (spec.classNames().size() < 2) {
            throw new DataException(what + " has a single class; a conditional model needs labelled"
                    + " data (one sub-folder per class), or set model.conditional: false.");
        }
        return Conditioning.oneHot(spec.classNames().size());
    }
}
