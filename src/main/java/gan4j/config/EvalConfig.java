package gan4j.config;

import java.nio.file.Path;
import java.util.Optional;

/**
 * {@code eval}: scoring the generator while it trains, every {@code every} steps on {@code samples}
 * generated samples, into {@code eval.csv}, the progress line and {@code checkpoints/best.ckpt};
 * {@code features}, a TensorFlow frozen graph (Inception-v3 for standard FID), replaces the run's
 * classifier as the feature space, and is what scores an image folder, which has no classifier.
 */
public record EvalConfig(int every, int samples, Optional<Path> features) {

    /** Enough for a Fréchet distance in 128 features to sit within a few percent of its 10,000-sample value. */
    public static final int DEFAULT_SAMPLES = 5000;
    public static final int DEFAULT_EVERY = 2000;
}
