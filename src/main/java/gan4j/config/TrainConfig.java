package gan4j.config;

/**
 * The alternating schedule: how long, how big a batch, k discriminator steps per generator step,
 * whether the generator step reuses the last discriminator step's fake batch, the optimizers.
 */
public record TrainConfig(long steps, int batchSize, int discriminatorStepsPerGeneratorStep,
                          boolean reuseFakeBatch, OptimizerConfig generatorOptimizer,
                          OptimizerConfig discriminatorOptimizer) {
}
