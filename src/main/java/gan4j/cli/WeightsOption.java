package gan4j.cli;

import gan4j.config.ConfigException;
import gan4j.model.GanModel;
import gan4j.model.GeneratorWeights;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --weights ema|raw}, shared by the commands that sample: which generator weights to use. */
final class WeightsOption {

    @Option(names = "--weights", paramLabel = "ema|raw",
            description = "Generator weights: ema, the moving average a run with train.ema keeps (the default"
                    + " when there is one), or raw, the trained weights.")
    GeneratorWeights weights;

    /** {@code model} with the chosen weights as its generator, or one sentence naming the option. */
    GanModel apply(GanModel model, Path checkpoint) {
        try {
            return model.sampling(weights);
        } catch (IllegalArgumentException e) {
            throw new ConfigException("--weights ema: " + checkpoint + " " + e.getMessage() + "; use --weights raw.");
        }
    }

    /** What the output says the samples came from. */
    static String describe(GanModel original, GanModel sampled) {
        return sampled.generator() == original.generator() ? "trained weights" : "moving-average (EMA) weights";
    }
}
