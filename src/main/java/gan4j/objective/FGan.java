package gan4j.objective;

import java.util.Objects;
import java.util.OptionalDouble;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * f-GAN (Nowozin et al. 2016): with critic T = g_f(v), D loss = −(E_real[g_f(v)] − E_fake[f*(g_f(v))]),
 * G loss = −E_fake[g_f(v)] (the paper's non-saturating §3.2 variant) or, saturating, −E_fake[f*(g_f(v))];
 * readout g_f(v).
 *
 * <p>D maximises the variational lower bound E_P[T] − E_Q[f*(T)] on D_f(P‖Q), P the data and Q the
 * generator. G could minimise that same bound; its only G-dependent term is −E_Q[f*(T)], which
 * saturates early in training, so by default G instead maximises E_Q[T] as the paper recommends.
 * For {@link FDivergence#GAN} the two choices are {@link NonSaturating}'s and {@link Minimax}'s
 * generator losses.
 */
public final class FGan implements Objective {

    private final FDivergence divergence;
    private final double alpha;
    private final boolean saturatingGenerator;
    private final FDivergence.Critic critic;

    /** f-GAN on a parameter-free divergence, non-saturating generator loss. */
    public FGan(FDivergence divergence) {
        this(divergence, false);
    }

    /** f-GAN on a parameter-free divergence; for {@link FDivergence#ALPHA} use {@link #alpha}. */
    public FGan(FDivergence divergence, boolean saturatingGenerator) {
        Objects.requireNonNull(divergence, "divergence");
        if (divergence.takesAlpha()) {
            throw new IllegalArgumentException("the alpha divergence needs alpha: use FGan.alpha(alpha, saturating)");
        }
        this.divergence = divergence;
        this.alpha = Double.NaN;
        this.saturatingGenerator = saturatingGenerator;
        this.critic = divergence.critic();
    }

    private FGan(double alpha, boolean saturatingGenerator) {
        this.divergence = FDivergence.ALPHA;
        this.alpha = alpha;
        this.saturatingGenerator = saturatingGenerator;
        this.critic = FDivergence.alphaCritic(alpha);
    }

    /** f-GAN on the α-divergence (α finite, not 0 or 1); see {@link FDivergence#ALPHA}. */
    public static FGan alpha(double alpha, boolean saturatingGenerator) {
        return new FGan(alpha, saturatingGenerator);
    }

    public FDivergence divergence() {
        return divergence;
    }

    /** α for the α-divergence, empty otherwise. */
    public OptionalDouble alpha() {
        return divergence.takesAlpha() ? OptionalDouble.of(alpha) : OptionalDouble.empty();
    }

    public boolean saturatingGenerator() {
        return saturatingGenerator;
    }

    @Override
    public LossAndGrad discriminator(Scores scores) {
        // D maximises E_real[g(v)] − E_fake[f*(g(v))].
        return Pointwise.discriminator(scores, critic.activation().negated(), critic.conjugate());
    }

    @Override
    public LossAndGrad generator(INDArray fakeScores) {
        Term term = saturatingGenerator ? critic.conjugate().negated() : critic.activation().negated();
        return Pointwise.generator(fakeScores, term);
    }

    /** The critic value T = g_f(v). */
    @Override
    public INDArray readout(INDArray scores) {
        return Pointwise.map(scores, critic.activation().value());
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("f_gan(divergence=").append(divergence.configName());
        if (divergence.takesAlpha()) {
            s.append(", alpha=").append(alpha);
        }
        if (saturatingGenerator) {
            s.append(", saturating=true");
        }
        return s.append(')').toString();
    }
}
