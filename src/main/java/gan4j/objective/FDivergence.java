package gan4j.objective;

import static gan4j.objective.Scalar.LOG_2;
import static gan4j.objective.Scalar.sech2;
import static gan4j.objective.Scalar.sigmoid;
import static gan4j.objective.Scalar.softplus;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleUnaryOperator;

/**
 * The f-divergences D_f(P‖Q) = Σ q·f(p/q) of f-GAN (Nowozin et al. 2016, Tables 1 and 2), each with
 * its output activation g and Fenchel conjugate f*.
 *
 * <p>The critic is T = g(v) for a raw score v; the bound E_P[T] − E_Q[f*(T)] ≤ D_f(P‖Q) is tight at
 * T = f'(p/q). Each constant's comment gives f, g and f*; the code evaluates g(v) and f*(g(v)) in
 * terms of v directly (for example f*(g(v)) = e^v − 1 for the squared Hellinger distance) so that
 * nothing cancels or overflows on the way. GAN is included beside the brief's list because it ties
 * f-GAN to {@link NonSaturating}: its discriminator loss is the same.
 */
public enum FDivergence {

    /** f(u) = ½|u − 1|; g(v) = ½·tanh(v); f*(t) = t on |t| ≤ ½. */
    TOTAL_VARIATION(new Critic(
            Term.of(v -> 0.5 * Math.tanh(v), v -> 0.5 * sech2(v)),
            Term.of(v -> 0.5 * Math.tanh(v), v -> 0.5 * sech2(v)))),

    /** Kullback–Leibler KL(P‖Q): f(u) = u·log u; g(v) = v; f*(t) = e^{t−1}. */
    KL(new Critic(
            Term.of(v -> v, v -> 1.0),
            Term.of(v -> Math.exp(v - 1.0), v -> Math.exp(v - 1.0)))),

    /** KL(Q‖P): f(u) = −log u; g(v) = −e^{−v}; f*(t) = −1 − log(−t), so f*(g(v)) = v − 1. */
    REVERSE_KL(new Critic(
            Term.of(v -> -Math.exp(-v), v -> Math.exp(-v)),
            Term.of(v -> v - 1.0, v -> 1.0))),

    /** Pearson χ²: f(u) = (u − 1)²; g(v) = v; f*(t) = t²/4 + t. */
    PEARSON_CHI2(new Critic(
            Term.of(v -> v, v -> 1.0),
            Term.of(v -> 0.25 * v * v + v, v -> 0.5 * v + 1.0))),

    /** Neyman χ²: f(u) = (1 − u)²/u; g(v) = 1 − e^{−v}; f*(t) = 2 − 2√(1 − t) = 2 − 2e^{−v/2}. */
    NEYMAN_CHI2(new Critic(
            Term.of(v -> -Math.expm1(-v), v -> Math.exp(-v)),
            Term.of(v -> 2.0 - 2.0 * Math.exp(-0.5 * v), v -> Math.exp(-0.5 * v)))),

    /** Squared Hellinger: f(u) = (√u − 1)²; g(v) = 1 − e^{−v}; f*(t) = t/(1 − t) = e^v − 1. */
    SQUARED_HELLINGER(new Critic(
            Term.of(v -> -Math.expm1(-v), v -> Math.exp(-v)),
            Term.of(v -> Math.expm1(v), v -> Math.exp(v)))),

    /**
     * Jeffrey (symmetric KL): f(u) = (u − 1)·log u; g(v) = v; f*(t) = W(e^{1−t}) + 1/W(e^{1−t}) + t − 2
     * with W the Lambert W function; (f*)'(t) = 1/W(e^{1−t}).
     */
    JEFFREY(new Critic(
            Term.of(v -> v, v -> 1.0),
            Term.of(v -> {
                double w = LambertW.w0OfExp(1.0 - v);
                return w + 1.0 / w + v - 2.0;
            }, v -> 1.0 / LambertW.w0OfExp(1.0 - v)))),

    /**
     * Jensen–Shannon: f(u) = −(u + 1)·log((1 + u)/2) + u·log u, so D_f = KL(P‖M) + KL(Q‖M) = 2·JSD;
     * g(v) = log 2 − log(1 + e^{−v}); f*(t) = −log(2 − e^t), so f*(g(v)) = softplus(v) − log 2.
     */
    JENSEN_SHANNON(new Critic(
            Term.of(v -> LOG_2 - softplus(-v), v -> sigmoid(-v)),
            Term.of(v -> softplus(v) - LOG_2, v -> sigmoid(v)))),

    /**
     * The GAN divergence (2·JSD − log 4): f(u) = u·log u − (u + 1)·log(u + 1); g(v) = −log(1 + e^{−v});
     * f*(t) = −log(1 − e^t), so f*(g(v)) = softplus(v).
     */
    GAN(new Critic(
            Term.of(v -> -softplus(-v), v -> sigmoid(-v)),
            Term.of(v -> softplus(v), v -> sigmoid(v)))),

    /**
     * The α-divergence (α ∉ {0, 1}): f(u) = (u^α − 1 − α(u − 1)) / (α(α − 1)), so D_f = (Σ p^α q^{1−α} − 1)
     * / (α(α − 1)), KL in the limit α → 1 and reverse KL as α → 0; α = 2 is ½·Pearson χ², α = −1 is
     * ½·Neyman χ², α = ½ is 2·squared Hellinger. f*(t) = ((1 + (α − 1)t)^{α/(α−1)} − 1) / α on
     * 1 + (α − 1)t &gt; 0, with (f*)'(t) = (1 + (α − 1)t)^{1/(α−1)}. Activation: for α &lt; 1,
     * g(v) = 1/(1 − α) − softplus(−v) as in the f-GAN paper; for α &gt; 1, g(v) = softplus(v) − 1/(α − 1),
     * which maps onto the open domain where f* is strictly convex (the paper uses g(v) = v there, which
     * leaves f* undefined, or flat once extended, below t = −1/(α − 1)). Either way 1 + (α − 1)g(v) =
     * |α − 1|·softplus(±v) is computed without cancellation. Needs α: use {@link FGan#alpha}.
     */
    ALPHA(null);

    /** Activation v ↦ g(v) and the composite v ↦ f*(g(v)) that the discriminator pays on fakes. */
    record Critic(Term activation, Term conjugate) {
    }

    private final Critic critic;

    FDivergence(Critic critic) {
        this.critic = critic;
    }

    /** The name used in configuration files: the constant's name in lower case, e.g. {@code pearson_chi2}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether this divergence takes the parameter α (only {@link #ALPHA}). */
    public boolean takesAlpha() {
        return this == ALPHA;
    }

    /** The configuration names of all divergences, in declaration order. */
    public static List<String> names() {
        return Arrays.stream(values()).map(FDivergence::configName).toList();
    }

    /** The divergence with this configuration name; the exception lists the allowed names. */
    public static FDivergence byName(String name) {
        for (FDivergence d : values()) {
            if (d.configName().equals(name)) {
                return d;
            }
        }
        throw new IllegalArgumentException(
                "unknown f-divergence '" + name + "'; allowed: " + String.join(", ", names()));
    }

    /** The critic of a parameter-free divergence. */
    Critic critic() {
        if (critic == null) {
            throw new IllegalStateException(configName() + " needs the parameter alpha");
        }
        return critic;
    }

    static void checkAlpha(double alpha) {
        if (!Double.isFinite(alpha) || alpha == 0.0 || alpha == 1.0) {
            throw new IllegalArgumentException("alpha must be a finite number other than 0 and 1"
                    + " (its limits there are reverse KL and KL), got " + alpha);
        }
    }

    /** The critic of the α-divergence; see {@link #ALPHA} for the formulas. */
    static Critic alphaCritic(double alpha) {
        checkAlpha(alpha);
        double k = alpha - 1.0;
        double conjugateExponent = alpha / k;
        double slopeExponent = 1.0 / k;
        // base(v) = 1 + (α − 1)·g(v) > 0, and the sign with which v enters the softplus.
        double sign = alpha > 1.0 ? 1.0 : -1.0;
        DoubleUnaryOperator base = v -> Math.abs(k) * softplus(sign * v);
        Term activation = alpha > 1.0
                ? Term.of(v -> softplus(v) - 1.0 / k, v -> sigmoid(v))
                : Term.of(v -> -1.0 / k - softplus(-v), v -> sigmoid(-v));
        Term conjugate = Term.of(
                v -> (Math.pow(base.applyAsDouble(v), conjugateExponent) - 1.0) / alpha,
                v -> Math.pow(base.applyAsDouble(v), slopeExponent) * sigmoid(sign * v));
        return new Critic(activation, conjugate);
    }
}
