package gan4j.metrics;

/**
 * Eigenvalues and eigenvectors of a real symmetric matrix by cyclic Jacobi rotations: slow for
 * large matrices, but exact to rounding and plenty for the few hundred feature dimensions of a
 * Fréchet distance.
 */
final class SymmetricEigen {

    private static final int MAX_SWEEPS = 100;

    private final double[] values;
    /** Eigenvectors as columns: {@code vectors[i][k]} is component i of eigenvector k. */
    private final double[][] vectors;

    private SymmetricEigen(double[] values, double[][] vectors) {
        this.values = values;
        this.vectors = vectors;
    }

    static SymmetricEigen of(double[][] symmetric) {
        int n = symmetric.length;
        double[][] a = new double[n][];
        double[][] v = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i] = symmetric[i].clone();
            v[i][i] = 1;
        }
        for (int sweep = 0; sweep < MAX_SWEEPS && offDiagonal(a) > 1e-22 * Math.max(1, diagonal(a)); sweep++) {
            for (int p = 0; p < n - 1; p++) {
                for (int q = p + 1; q < n; q++) {
                    if (a[p][q] != 0) {
                        rotate(a, v, p, q);
                    }
                }
            }
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = a[i][i];
        }
        return new SymmetricEigen(values, v);
    }

    double[] values() {
        return values.clone();
    }

    /** V diag(√max(λ, 0)) Vᵀ: the square root of a positive semi-definite matrix. */
    double[][] sqrt() {
        int n = values.length;
        double[][] root = new double[n][n];
        for (int k = 0; k < n; k++) {
            double s = Math.sqrt(Math.max(values[k], 0));
            if (s == 0) {
                continue;
            }
            for (int i = 0; i < n; i++) {
                double vik = vectors[i][k] * s;
                for (int j = 0; j < n; j++) {
                    root[i][j] += vik * vectors[j][k];
                }
            }
        }
        return root;
    }

    // One Jacobi rotation zeroing a[p][q] (Golub and Van Loan, Algorithm 8.5.2 with the stable tangent).
    private static void rotate(double[][] a, double[][] v, int p, int q) {
        double theta = (a[q][q] - a[p][p]) / (2 * a[p][q]);
        double t = Math.signum(theta) / (Math.abs(theta) + Math.sqrt(theta * theta + 1));
        if (theta == 0) {
            t = 1;
        }
        double c = 1 / Math.sqrt(t * t + 1);
        double s = t * c;
        int n = a.length;
        for (int k = 0; k < n; k++) {
            double akp = a[k][p];
            double akq = a[k][q];
            a[k][p] = c * akp - s * akq;
            a[k][q] = s * akp + c * akq;
        }
        for (int k = 0; k < n; k++) {
            double apk = a[p][k];
            double aqk = a[q][k];
            a[p][k] = c * apk - s * aqk;
            a[q][k] = s * apk + c * aqk;
        }
        for (int k = 0; k < n; k++) {
            double vkp = v[k][p];
            double vkq = v[k][q];
            v[k][p] = c * vkp - s * vkq;
            v[k][q] = s * vkp + c * vkq;
        }
    }

    private static double offDiagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            for (int j = 0; j < a.length; j++) {
                if (i != j) {
                    sum += a[i][j] * a[i][j];
                }
            }
        }
        return sum;
    }

    private static double diagonal(double[][] a) {
        double sum = 0;
        for (int i = 0; i < a.length; i++) {
            sum += a[i][i] * a[i][i];
        }
        return sum;
    }
}
