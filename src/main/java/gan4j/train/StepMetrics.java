package gan4j.train;

/**
 * What one generator step measured. {@code dReal} and {@code dFake} are the objective's readout of
 * D's scores (the probability of "real" for sigmoid losses): {@code dFake} on the last D step,
 * {@code dFakeAfter} on the G step, as PyTorch's DCGAN example logs D(G(z)) before and after.
 * {@code augmentProbability} is the probability of each augmentation op in this step (0 without).
 */
public record StepMetrics(long step, double discriminatorLoss, double generatorLoss, double penalty,
                          double dReal, double dFake, double dFakeAfter, double samplesPerSecond,
                          double augmentProbability) {

    public boolean isFinite() {
        return Double.isFinite(discriminatorLoss) && Double.isFinite(generatorLoss) && Double.isFinite(penalty);
    }
}
