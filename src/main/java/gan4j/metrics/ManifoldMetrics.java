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

    /** The real side of the metrics: the real feature rows and the radii of their balls, computed once. */
    public record Reference(double[][] rows, double[] radii, double[] radiiDc) {

        /** The balls of {@code real}: its k-NN radii for k = 3 and k = 5, the costly half of the metrics. */
        public static Reference of(double[][] real) {
            double[][] balls = PairwiseDistances.kthNeighbours(real, PRECISION_RECALL_K, DENSITY_COVERAGE_K);
            return new Reference(real, balls[0], balls[1]);
        }
    }

    /** The four metrics of {@code generated} against {@code real}, rows of features; intervals drawn from {@code seed}. */
    public static ManifoldMetrics measure(double[][] real, double[][] generated, long seed) {
        return measure(Reference.of(real), generated, seed);
    }

    /** The four metrics of {@code generated} against a prepared real set; intervals drawn from {@code seed}. */
    public static ManifoldMetrics measure(Reference real, double[][] generated, long seed) {
        double[][] perSample = perSample(real, generated);
        return new ManifoldMetrics(Bootstrap.mean(perSample[0], seed), Bootstrap.mean(perSample[1], seed + 1),
                Bootstrap.mean(perSample[2], seed + 2), Bootstrap.mean(perSample[3], seed + 3));
    }

    /** Precision, recall, density and coverage without intervals, for evaluation during training. */
    public static double[] estimate(Reference real, double[][] generated) {
        double[][] perSample = perSample(real, generated);
        double[] values = new double[perSample.length];
        for (int m = 0; m < values.length; m++) {
            values[m] = Bootstrap.mean(perSample[m]);
        }
        return values;
    }

    /** Per generated sample: inside a real ball, real balls holding it; per real sample: recalled, covered. */
    private static double[][] perSample(Reference reference, double[][] generated) {
        // Squared radii against squared distances throughout.
        double[][] real = reference.rows();
        double[] realRadii = reference.radii();
        double[] realRadiiDc = reference.radiiDc();
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
        return new double[][] {precise, recalled, dense, covered};
    }
}
