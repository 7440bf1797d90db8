package gan4j.metrics;

import java.util.stream.IntStream;

/**
 * Precision and recall of Kynkäänniemi et al. (2019, k = 3) and density and coverage of Naeem et al.
 * (2020, k = 5). Each sample owns a ball whose radius is the distance to its k-th nearest neighbour
 * in its own set; strict inequalities, as in the authors' reference code ({@code prdc}).
 *
 * <ul>
 * <li>precision: the share of generated samples inside some real ball (k = 3);
 * <li>recall: the share of real samples inside some generated ball (k = 3);
 * <li>density: how many real balls (k = 5) hold each generated sample, over k, averaged;
 * <li>coverage: the share of real balls (k = 5) that hold at least one generated sample.
 * </ul>
 * Intervals: bootstrap over the generated samples (precision, density) or the real ones (recall,
 * coverage), radii held fixed.
 */
public record ManifoldMetrics(Interval precision, Interval recall, Interval density, Interval coverage) {

    public static final int PRECISION_RECALL_K = 3;
    public static final int DENSITY_COVERAGE_K = 5;

    /** The four metrics of {@code generated} against {@code real}, rows of features; intervals drawn from {@code seed}. */
    public static ManifoldMetrics measure(double[][] real, double[][] generated, long seed) {
        // Squared radii against squared distances throughout.
        double[][] realBalls = PairwiseDistances.kthNeighbours(real, PRECISION_RECALL_K, DENSITY_COVERAGE_K);
        double[] realRadii = realBalls[0];
        double[] realRadiiDc = realBalls[1];
        double[] fakeRadii = PairwiseDistances.kthNeighbours(generated, PRECISION_RECALL_K)[0];
        double[] precise = new double[generated.length];
        double[] dense = new double[generated.length];
        IntStream.range(0, generated.length).parallel().forEach(j -> {
            int inside = 0;
            for (int i = 0; i < real.length; i++) {
                double d = PairwiseDistances.squaredDistance(generated[j], real[i]);
                if (d < realRadii[i]) {
                    precise[j] = 1;
                }
                if (d < realRadiiDc[i]) {
                    inside++;
                }
            }
            dense[j] = (double) inside / DENSITY_COVERAGE_K;
        });
        double[] recalled = new double[real.length];
        double[] covered = new double[real.length];
        IntStream.range(0, real.length).parallel().forEach(i -> {
            for (int j = 0; j < generated.length && (recalled[i] == 0 || covered[i] == 0); j++) {
                double d = PairwiseDistances.squaredDistance(generated[j], real[i]);
                if (d < fakeRadii[j]) {
                    recalled[i] = 1;
                }
                if (d < realRadiiDc[i]) {
                    covered[i] = 1;
                }
            }
        });
        return new ManifoldMetrics(Bootstrap.mean(precise, seed), Bootstrap.mean(recalled, seed + 1),
                Bootstrap.mean(dense, seed + 2), Bootstrap.mean(covered, seed + 3));
    }
}
