package gan4j.metrics;

import java.util.List;

/**
 * Real images in some feature space, prepared once for evaluation during training: their
 * statistics for the Fréchet distance, their rows for KID, the k-NN balls of every
 * {@link #MANIFOLD_STRIDE}-th for precision, recall, density and coverage, and their spread, the
 * yardstick of the generated samples' diversity.
 */
final class RealFeatures {

    /** The figures {@link #measure} returns, in order. */
    static final List<String> COLUMNS = List.of("frechet", "kid", "kid_se", "precision", "recall", "density",
            "coverage", "diversity");
    /** Rows whose mean pairwise distance measures a set's spread: 124,750 pairs, tens of milliseconds. */
    static final int SPREAD_ROWS = 500;
    /** A tenth of {@code gan eval}'s subsets: the standard error triples, the cost drops from seconds to tenths. */
    static final int KID_SUBSETS = 10;
    /** The nearest-neighbour metrics cost grows with real times generated samples: half the real set serves. */
    static final int MANIFOLD_STRIDE = 2;

    private final double[][] rows;
    private final FeatureStatistics statistics;
    private final ManifoldMetrics.Reference manifold;
    private final double spread;

    RealFeatures(double[][] rows) {
        this.rows = rows;
        this.spread = spread(rows);
        this.statistics = FeatureStatistics.of(rows);
        double[][] every = new double[(rows.length + MANIFOLD_STRIDE - 1) / MANIFOLD_STRIDE][];
        for (int i = 0; i < every.length; i++) {
            every[i] = rows[i * MANIFOLD_STRIDE];
        }
        this.manifold = ManifoldMetrics.Reference.of(every);
    }

    /**
     * Fréchet distance, KID with its standard error, precision, recall, density and coverage of
     * {@code generated}, then its diversity: its spread over the real images' (1 for as varied).
     */
    double[] measure(double[][] generated, long seed) {
        double frechet = FrechetDistance.between(statistics, FeatureStatistics.of(generated));
        KernelDistance kid = KernelDistance.measure(rows, generated, KID_SUBSETS, KernelDistance.SUBSET_SIZE, seed);
        double[] m = ManifoldMetrics.estimate(manifold, generated);
        return new double[] {frechet, kid.mean(), kid.standardError(), m[0], m[1], m[2], m[3],
            spread(generated) / spread};
    }

    /** The mean pairwise Euclidean distance of (up to) the first {@link #SPREAD_ROWS} rows. */
    static double spread(double[][] rows) {
        int n = Math.min(SPREAD_ROWS, rows.length);
        double sum = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                sum += Math.sqrt(PairwiseDistances.squaredDistance(rows[i], rows[j]));
            }
        }
        return sum / (n * (n - 1) / 2.0);
    }

    /** The protocol of {@link #measure} after the real set's description. */
    static String protocol() {
        return String.format(java.util.Locale.ROOT, "KID (kernel (x.y/d+1)^3) over %d subsets of %d;"
                + " precision/recall k=%d and density/coverage k=%d against every %d-th real image; diversity: mean pairwise distance of %d generated over %d real; point estimates"
                + " (gan eval gives intervals)", KID_SUBSETS, KernelDistance.SUBSET_SIZE,
                ManifoldMetrics.PRECISION_RECALL_K, ManifoldMetrics.DENSITY_COVERAGE_K, MANIFOLD_STRIDE, SPREAD_ROWS,
                SPREAD_ROWS);
    }
}
