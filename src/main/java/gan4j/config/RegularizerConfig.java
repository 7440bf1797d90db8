package gan4j.config;

/** An add-on to the adversarial game: a penalty on D, a constraint on its weights, or input noise. */
public sealed interface RegularizerConfig {

    /**
     * A gradient-norm penalty on D: at interpolates between real and fake (WGAN-GP) or at perturbed
     * real samples (DRAGAN).
     */
    record GradientPenalty(double weight, String at, double target, boolean oneSided, double epsilon,
                           double perturbation) implements RegularizerConfig {
    }

    /** WGAN weight clipping of every discriminator parameter to [-clip, clip] after each update. */
    record WeightClip(double clip) implements RegularizerConfig {
    }

    /** Gaussian noise on D's inputs, real and fake, annealed linearly to zero. */
    record InstanceNoise(double std, long annealSteps) implements RegularizerConfig {
    }
}
