package gan4j.objective;

/** Numerically stable scalar functions the objectives are written in. */
final class Scalar {

    static final double LOG_2 = Math.log(2.0);

    private Scalar() {
    }

    /** log(1 + e^x) without overflow for large x or loss of precision for very negative x. */
    static double softplus(double x) {
        return Math.max(x, 0.0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    /** 1 / (1 + e^-x), evaluated so that neither branch overflows. */
    static double sigmoid(double x) {
        if (x >= 0) {
            return 1.0 / (1.0 + Math.exp(-x));
        }
        double e = Math.exp(x);
        return e / (1.0 + e);
    }

    /** max(x, 0). */
    static double relu(double x) {
        return Math.max(x, 0.0);
    }

    /** The subgradient of relu this package uses: 1 for x > 0, else 0 (0 at the kink). */
    static double step(double x) {
        return x > 0 ? 1.0 : 0.0;
    }

    /** sech²(x) = 1 − tanh²(x), written as 4e^{-2|x|} / (1 + e^{-2|x|})² to keep its tail. */
    static double sech2(double x) {
        double e = Math.exp(-2.0 * Math.abs(x));
        double d = 1.0 + e;
        return 4.0 * e / (d * d);
    }
}
