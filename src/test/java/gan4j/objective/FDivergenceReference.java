package gan4j.objective;

import java.util.ArrayList;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/**
 * The f-GAN tables written out again, independently of the main code, for the tests: the generator
 * f and its derivative (Nowozin et al. Table 1), the activation g and its inverse (Table 2, and this
 * package's documented choice for α &gt; 1), and a conjugate found by numerical maximisation of
 * u·t − f(u) rather than by formula.
 */
record FDivergenceReference(
        String name,
        DoubleUnaryOperator f,
        DoubleUnaryOperator fPrime,
        DoubleUnaryOperator g,
        DoubleUnaryOperator gInverse,
        FGan objective,
        boolean fOnRealLine) {

    /** Large enough that ½·tanh(v) is ½ to double precision: TV's optimal critic sits on the boundary. */
    static final double TV_SATURATED = 20.0;

    FDivergenceReference(String name, DoubleUnaryOperator f, DoubleUnaryOperator fPrime, DoubleUnaryOperator g,
            DoubleUnaryOperator gInverse, FGan objective) {
        this(name, f, fPrime, g, gInverse, objective, false);
    }

    @Override
    public String toString() {
        return name;
    }

    static List<FDivergenceReference> all() {
        List<FDivergenceReference> all = new ArrayList<>();
        all.add(new FDivergenceReference("total_variation",
                u -> 0.5 * Math.abs(u - 1),
                u -> 0.5 * Math.signum(u - 1),
                v -> 0.5 * Math.tanh(v),
                t -> Math.abs(2 * t) >= 1 ? Math.signum(t) * TV_SATURATED : 0.5 * Math.log((1 + 2 * t) / (1 - 2 * t)),
                new FGan(FDivergence.TOTAL_VARIATION)));
        all.add(new FDivergenceReference("kl",
                u -> u * Math.log(u),
                u -> Math.log(u) + 1,
                v -> v,
                t -> t,
                new FGan(FDivergence.KL)));
        all.add(new FDivergenceReference("reverse_kl",
                u -> -Math.log(u),
                u -> -1 / u,
                v -> -Math.exp(-v),
                t -> -Math.log(-t),
                new FGan(FDivergence.REVERSE_KL)));
        all.add(new FDivergenceReference("pearson_chi2",
                u -> (u - 1) * (u - 1),
                u -> 2 * (u - 1),
                v -> v,
                t -> t,
                new FGan(FDivergence.PEARSON_CHI2),
                true));
        all.add(new FDivergenceReference("neyman_chi2",
                u -> (1 - u) * (1 - u) / u,
                u -> 1 - 1 / (u * u),
                v -> 1 - Math.exp(-v),
                t -> -Math.log(1 - t),
                new FGan(FDivergence.NEYMAN_CHI2)));
        all.add(new FDivergenceReference("squared_hellinger",
                u -> (Math.sqrt(u) - 1) * (Math.sqrt(u) - 1),
                u -> 1 - 1 / Math.sqrt(u),
                v -> 1 - Math.exp(-v),
                t -> -Math.log(1 - t),
                new FGan(FDivergence.SQUARED_HELLINGER)));
        all.add(new FDivergenceReference("jeffrey",
                u -> (u - 1) * Math.log(u),
                u -> Math.log(u) + 1 - 1 / u,
                v -> v,
                t -> t,
                new FGan(FDivergence.JEFFREY)));
        all.add(new FDivergenceReference("jensen_shannon",
                u -> -(u + 1) * Math.log((1 + u) / 2) + u * Math.log(u),
                u -> Math.log(2 * u / (1 + u)),
                v -> Math.log(2) - Math.log(1 + Math.exp(-v)),
                t -> -Math.log(2 * Math.exp(-t) - 1),
                new FGan(FDivergence.JENSEN_SHANNON)));
        all.add(new FDivergenceReference("gan",
                u -> u * Math.log(u) - (u + 1) * Math.log(u + 1),
                u -> Math.log(u / (u + 1)),
                v -> -Math.log(1 + Math.exp(-v)),
                t -> -Math.log(Math.exp(-t) - 1),
                new FGan(FDivergence.GAN)));
        for (double a : AllObjectives.ALPHAS) {
            all.add(alpha(a));
        }
        return all;
    }

    private static FDivergenceReference alpha(double a) {
        DoubleUnaryOperator g;
        DoubleUnaryOperator gInverse;
        if (a < 1) {
            // g(v) = 1/(1 − α) − log(1 + e^{−v})
            g = v -> 1 / (1 - a) - Math.log(1 + Math.exp(-v));
            gInverse = t -> -Math.log(Math.exp(1 / (1 - a) - t) - 1);
        } else {
            // g(v) = log(1 + e^v) − 1/(α − 1)
            g = v -> Math.log(1 + Math.exp(v)) - 1 / (a - 1);
            gInverse = t -> Math.log(Math.exp(t + 1 / (a - 1)) - 1);
        }
        return new FDivergenceReference("alpha=" + a,
                u -> (Math.pow(u, a) - 1 - a * (u - 1)) / (a * (a - 1)),
                u -> (Math.pow(u, a - 1) - 1) / (a - 1),
                g,
                gInverse,
                FGan.alpha(a, false));
    }

    /** D_f(P‖Q) = Σ q·f(p/q). */
    double divergence(double[] p, double[] q) {
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            sum += q[i] * f.applyAsDouble(p[i] / q[i]);
        }
        return sum;
    }

    /**
     * f*(t) = sup_u u·t − f(u), by golden-section search: u·t − f(u) is concave in u, hence unimodal in
     * u and in log u. The search runs over log u in [-40, 25] for f on u &gt; 0, and over u in
     * [-1e4, 1e4] for Pearson χ², whose tabled f*(t) = t²/4 + t is the conjugate of (u − 1)² on the
     * whole line (over u &gt; 0 alone it would be −1 for every t ≤ −2).
     */
    double conjugateNumerically(double t) {
        DoubleUnaryOperator toU = fOnRealLine ? x -> x : Math::exp;
        DoubleUnaryOperator h = x -> toU.applyAsDouble(x) * t - f.applyAsDouble(toU.applyAsDouble(x));
        double lo = fOnRealLine ? -1e4 : -40;
        double hi = fOnRealLine ? 1e4 : 25;
        double r = (Math.sqrt(5) - 1) / 2;
        double x1 = hi - r * (hi - lo);
        double x2 = lo + r * (hi - lo);
        double h1 = h.applyAsDouble(x1);
        double h2 = h.applyAsDouble(x2);
        for (int i = 0; i < 300 && hi - lo > 1e-13 * (1 + Math.abs(lo)); i++) {
            if (h1 < h2) {
                lo = x1;
                x1 = x2;
                h1 = h2;
                x2 = lo + r * (hi - lo);
                h2 = h.applyAsDouble(x2);
            } else {
                hi = x2;
                x2 = x1;
                h2 = h1;
                x1 = hi - r * (hi - lo);
                h1 = h.applyAsDouble(x1);
            }
        }
        return Math.max(h1, h2);
    }
}
