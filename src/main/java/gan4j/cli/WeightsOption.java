package gan4j.cli;

import gan4j.config.ConfigException;
import gan4j.model.GanModel;
import gan4j.model.GeneratorWeights;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * {@code --weights ema|raw} and {@code --generator i}, shared by the commands that sample: which
 * generator weights to use, and which one of several generators (MAD-GAN) to draw from.
 */
final class WeightsOption {

    @Option(names = "--weights", paramLabel = "ema|raw",
            description = "Generator weights: ema, the moving average a run with train.ema keeps (the default"
                    + " when there is one), or raw, the trained weights.")
    GeneratorWeights weights;

    @Option(names = "--generator", paramLabel = "i",
            description = "Draw every sample from generator i (0-based) of a model with model.generators > 1;"
                    + " by default samples come from all generators alike.")
    Integer generator;

    /** {@code model} with the chosen weights as its generator, or one sentence naming the option. */
    GanModel apply(GanModel model, Path checkpoint) {
        GanModel sampled;
        try {
            sampled = model.sampling(weights);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--weights ema: " + checkpoint + " " + e.getMessage() + "; use --weights raw.");
        }
        if (generator == null) {
            return sampled;
        }
        try {
            return sampled.onlyGenerator(generator);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--generator " + generator + ": " + checkpoint + " " + e.getMessage()
                    + "; use one of those or leave --generator out.");
        }
    }

    /** What the output says the samples came from. */
    String describe(GanModel original, GanModel sampled) {
        String which = sampled.generator() == original.generator() ? "trained weights" : "moving-average (EMA) weights";
        return generator == null || original.generators() == 1 ? which : which + " of generator " + generator;
    }
}
