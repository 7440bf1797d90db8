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

    /** Which samples a zero-centred gradient penalty looks at: R1 at real ones, R2 at fake ones. */
    enum Side { REAL, FAKE }

    /**
     * R1 or R2 (Mescheder et al. 2018): weight/2 · mean ‖∇ₓD‖² at the real or fake samples D judged,
     * applied every {@code every} D steps with its weight multiplied by {@code every} (StyleGAN2's
     * lazy regularization).
     */
    record ZeroCenteredPenalty(Side side, double weight, int every, double epsilon) implements RegularizerConfig {
    }

    /** WGAN weight clipping of every discriminator parameter to [-clip, clip] after each update. */
    record WeightClip(double clip) implements RegularizerConfig {
    }

    /** Gaussian noise on D's inputs, real and fake, annealed linearly to zero. */
    record InstanceNoise(double std, long annealSteps) implements RegularizerConfig {
    }
}
