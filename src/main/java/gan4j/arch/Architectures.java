package gan4j.arch;

import gan4j.config.ModelConfig;

/** The architecture a model configuration names, sized for samples of a given shape. */
public final class Architectures {

    private Architectures() {
    }

    /**
     * {@code sampleShape} is {channels, height, width} for images (DCGAN) or {dimensions} for points
     * (MLP).
     */
    public static Architecture of(ModelConfig model, long[] sampleShape) {
        return of(model, sampleShape, 1);
    }

    /**
     * As {@link #of(ModelConfig, long[])}, building MLPs for data whose coordinates have standard
     * deviation {@code dataScale} (see {@link Mlp}); image models ignore it.
     */
    public static Architecture of(ModelConfig model, long[] sampleShape, double dataScale) {
        return switch (model.architecture()) {
            case MLP -> new Mlp((int) sampleShape[0], model.latentSize(), model.generatorWidth(),
                    model.discriminatorWidth(), model.hiddenLayers(), dataScale, model.pack(),
                    model.generators(), model.generatorNorm() == ModelConfig.Norm.BATCH);
            case DCGAN -> new Dcgan((int) sampleShape[1], (int) sampleShape[0], model.latentSize(),
                    model.generatorWidth(), model.discriminatorWidth(), model.generatorNorm(), model.discriminatorNorm(),
                    model.projection());
            case RESNET -> new Resnet((int) sampleShape[1], (int) sampleShape[0], model.latentSize(),
                    model.generatorWidth(), model.discriminatorWidth(), model.extraDiscriminatorBlocks(),
                    model.generatorNorm(), model.discriminatorNorm(), model.projection());
        };
    }
}
