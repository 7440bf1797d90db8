package gan4j.config;

/**
 * The alternating schedule: how long, how big a batch, k discriminator steps per generator step,
 * whether the generator step reuses the last discriminator step's fake batch, the optimizers, and
 * what a diverged run does.
 */
public record TrainConfig(long steps, int batchSize, int discriminatorStepsPerGeneratorStep,
                          boolean reuseFakeBatch, OptimizerConfig generatorOptimizer,
                          OptimizerConfig discriminatorOptimizer, Divergence divergence) {

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
