package gan4j.metrics;

/**
 * The unbiased squared maximum mean discrepancy (Gretton et al. 2012) with a Gaussian kernel of a
 * given bandwidth: zero in expectation when both samples come from one distribution, and, at a
 * bandwidth of a mode's size, sensitive to both missing modes and points strewn between them,
 * which the Fréchet distance of 2-D points (their mean and covariance only) does not see.
 */
public final class GaussianMmd {

    private GaussianMmd() {
    }

    public static double unbiasedMmd2(double[][] x, double[][] y, double bandwidth) {
        double scale = -1 / (2 * bandwidth * bandwidth);
        return KernelDistance.unbiasedMmd2(x, y, (a, b) -> Math.exp(scale * PairwiseDistances.squaredDistance(a, b)));
    }
}
