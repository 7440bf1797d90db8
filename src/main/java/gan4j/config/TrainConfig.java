package gan4j.config;

/**
 * The alternating schedule: how long, how big a batch, k discriminator steps per generator step,
 * whether the generator step reuses the last discriminator step's fake batch, the optimizers, what
 * a diverged run does, and the moving average of the generator's weights, if any.
 */
public record TrainConfig(long steps, int batchSize, int discriminatorStepsPerGeneratorStep,
                          boolean reuseFakeBatch, OptimizerConfig generatorOptimizer,
                          OptimizerConfig discriminatorOptimizer, Divergence divergence,
                          java.util.Optional<Ema> ema) {

    /**
     * {@code train.ema}: a copy of G whose weights follow G's as {@code w = decay·w + (1 − decay)·g}
     * after every G step (Karras et al. 2018; Yazıcı et al. 2019), a plain copy until
     * {@code startStep}. With {@code rampup} r > 0 the averaging horizon (half-life) grows with the
     * run as in StyleGAN2-ADA: at most r times the steps done, so early averages forget the random
     * initialisation quickly.
     */
    public record Ema(double decay, long startStep, double rampup) {
    }

    /** What a non-finite loss or parameter does to the run. */
    public enum OnDivergence {
        /** End the run with one sentence; the newest checkpoint is the last good one. */
        STOP,
        /** Reload the newest checkpoint, lower both learning rates and continue. */
        ROLLBACK
    }

    /**
     * {@code train.on_divergence}, with the factor a rollback multiplies both learning rates by and
     * how many rollbacks a run may make before it stops.
     */
    public record Divergence(OnDivergence action, double learningRateFactor, int maxRollbacks) {
    }
}
