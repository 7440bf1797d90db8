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
        if (model.architecture().equals("mlp")) {
            return new Mlp((int) sampleShape[0], model.latentSize(), model.generatorWidth(),
                    model.discriminatorWidth(), model.hiddenLayers());
        }
        return new Dcgan((int) sampleShape[1], (int) sampleShape[0], model.latentSize(), model.generatorWidth(),
                model.discriminatorWidth(), model.discriminatorBatchNorm());
    }
}
