package gan4j.metrics;

import java.util.stream.IntStream;

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
        return within(x, scale) + within(y, scale) - 2 * across(x, y, scale);
    }

    private static double within(double[][] x, double scale) {
        int n = x.length;
        double[] rows = IntStream.range(0, n).parallel().mapToDouble(i -> {
            double sum = 0;
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    sum += kernel(x[i], x[j], scale);
                }
            }
            return sum;
        }).toArray();
        return Bootstrap.mean(rows) / (n - 1);
    }

    private static double across(double[][] x, double[][] y, double scale) {
        double[] rows = IntStream.range(0, x.length).parallel().mapToDouble(i -> {
            double sum = 0;
            for (double[] b : y) {
                sum += kernel(x[i], b, scale);
            }
            return sum;
        }).toArray();
        return Bootstrap.mean(rows) / y.length;
    }

    private static double kernel(double[] a, double[] b, double scale) {
        return Math.exp(scale * PairwiseDistances.squaredDistance(a, b));
    }
}
