package gan4j.config;

/** The alternating schedule: how long, how big a batch, k discriminator steps per generator step. */
public record TrainConfig(long steps, int batchSize, int discriminatorStepsPerGeneratorStep,
                          OptimizerConfig generatorOptimizer, OptimizerConfig discriminatorOptimizer) {
}
