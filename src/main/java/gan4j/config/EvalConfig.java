package gan4j.config;

/**
 * {@code eval}: scoring the generator while it trains, every {@code every} steps on {@code samples}
 * generated samples, into {@code eval.csv}, the progress line and {@code checkpoints/best.ckpt}.
 */
public record EvalConfig(int every, int samples) {

    /** Enough for a Fréchet distance in 128 features to sit within a few percent of its 10,000-sample value. */
    public static final int DEFAULT_SAMPLES = 5000;
    public static final int DEFAULT_EVERY = 2000;
}
