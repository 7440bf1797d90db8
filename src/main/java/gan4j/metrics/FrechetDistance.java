package gan4j.metrics;

/**
 * The Fréchet (2-Wasserstein) distance between two Gaussians, as FID uses it (Heusel et al. 2017):
 * ‖μ₁ − μ₂‖² + Tr(Σ₁ + Σ₂ − 2 (Σ₁ Σ₂)^½).
 *
 * <p>Tr((Σ₁ Σ₂)^½) is computed as Σ √λ over the eigenvalues λ of the symmetric matrix
 * Σ₁^½ Σ₂ Σ₁^½, which has the same spectrum as Σ₁ Σ₂ but, unlike it, is symmetric, so a plain
 * Jacobi eigensolver suffices and no complex square root can arise. Its value depends entirely on
 * the features: with a classifier trained on the dataset itself it is a dataset-specific score,
 * not comparable with published Inception FIDs.
 */
public final class FrechetDistance {

    private FrechetDistance() {
    }

    public static double between(FeatureStatistics a, FeatureStatistics b) {
        int d = a.mean().length;
        if (b.mean().length != d) {
            throw new IllegalArgumentException("features of different sizes: " + d + " and " + b.mean().length);
        }
        double meanTerm = 0;
        for (int i = 0; i < d; i++) {
            double diff = a.mean()[i] - b.mean()[i];
            meanTerm += diff * diff;
        }
        double[][] rootA = SymmetricEigen.of(a.covariance()).sqrt();
        double[][] product = multiply(multiply(rootA, b.covariance()), rootA);
        symmetrize(product);
        double traceRoot = 0;
        for (double lambda : SymmetricEigen.of(product).values()) {
            // Rounding can leave tiny negative eigenvalues of a PSD matrix; they are zeros.
            traceRoot += Math.sqrt(Math.max(lambda, 0));
        }
        // Equal distributions can round to a hair below zero; a distance is never negative.
        return Math.max(0, meanTerm + trace(a.covariance()) + trace(b.covariance()) - 2 * traceRoot);
    }

    private static double[][] multiply(double[][] x, double[][] y) {
        int n = x.length;
        double[][] out = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < n; k++) {
                double xik = x[i][k];
                for (int j = 0; j < n; j++) {
                    out[i][j] += xik * y[k][j];
                }
            }
        }
        return out;
    }

    private static void symmetrize(double[][] m) {
        for (int i = 0; i < m.length; i++) {
            for (int j = i + 1; j < m.length; j++) {
                double mean = (m[i][j] + m[j][i]) / 2;
                m[i][j] = mean;
                m[j][i] = mean;
            }
        }
    }

    private static double trace(double[][] m) {
        double sum = 0;
        for (int i = 0; i < m.length; i++) {
            sum += m[i][i];
        }
        return sum;
    }
}
