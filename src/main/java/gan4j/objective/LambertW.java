package gan4j.objective;

/**
 * The principal branch W₀ of the Lambert W function, the w ≥ −1 with w·e^w = x, for x ≥ −1/e.
 *
 * <p>Written here because no well-kept Java library offers it (Commons Math and Commons Numbers
 * have none); the Jeffrey conjugate of f-GAN needs it. Halley's iteration on w·e^w − x converges
 * cubically from the starting points below (a branch-point series near −1/e, log1p(x) for moderate
 * x, the asymptotic log x − log log x beyond e).
 */
final class LambertW {

    private static final double INV_E = Math.exp(-1.0);
    private static final int MAX_ITERATIONS = 64;

    private LambertW() {
    }

    /** W₀(x); NaN below −1/e or for NaN, like {@link Math}'s functions outside their domain. */
    static double w0(double x) {
        if (Double.isNaN(x) || x < -INV_E) {
            return Double.NaN;
        }
        if (x == -INV_E) {
            return -1.0;
        }
        if (x == 0.0 || x == Double.POSITIVE_INFINITY) {
            return x;
        }
        double w = initialGuess(x);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double ew = Math.exp(w);
            double f = w * ew - x;
            double wp1 = w + 1.0;
            double step = f / (ew * wp1 - (w + 2.0) * f / (2.0 * wp1));
            if (!Double.isFinite(step)) {
                break;
            }
            w -= step;
            if (Math.abs(step) <= 1e-15 * (1.0 + Math.abs(w))) {
                break;
            }
        }
        return w;
    }

    /**
     * W₀(e^y) for any real y, without overflowing e^y: beyond y = 700 it solves w + log w = y by
     * Newton's method instead (used by the Jeffrey conjugate, whose argument is e^{1−t}).
     */
    static double w0OfExp(double y) {
        if (Double.isNaN(y)) {
            return Double.NaN;
        }
        if (y <= 700.0) {
            return w0(Math.exp(y));
        }
        if (y == Double.POSITIVE_INFINITY) {
            return y;
        }
        double w = y - Math.log(y);
        for (int i = 0; i < MAX_ITERATIONS; i++) {
            double step = (w + Math.log(w) - y) / (1.0 + 1.0 / w);
            w -= step;
            if (Math.abs(step) <= 1e-15 * w) {
                break;
            }
        }
        return w;
    }

    private static double initialGuess(double x) {
        if (x < -0.25) {
            // Series about the branch point: p = sqrt(2(e·x + 1)), W = −1 + p − p²/3 + 11p³/72 − …
            double p = Math.sqrt(2.0 * (Math.E * x + 1.0));
            return -1.0 + p - p * p / 3.0 + 11.0 / 72.0 * p * p * p;
        }
        if (x <= Math.E) {
            return Math.log1p(x);
        }
        double l1 = Math.log(x);
        double l2 = Math.log(l1);
        return l1 - l2 + l2 / l1;
    }
}
