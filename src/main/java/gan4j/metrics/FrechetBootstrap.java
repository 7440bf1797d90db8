package gan4j.metrics;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The Fréchet distance of two feature sets with a basic bootstrap interval: the generated set
 * redrawn with replacement {@link #REPLICATES} times against the real set's fixed statistics. The
 * real set is the fixed reference every model is compared with (the whole test split), so the
 * interval covers the sampling of generated images; redrawing the real set too would cost five
 * times as much for a 10,000-image test split.
 */
public final class FrechetBootstrap {

    /** Fewer than the per-sample metrics' 1,000: each replicate costs a covariance and two eigen-decompositions. */
    public static final int REPLICATES = 100;

    private FrechetBootstrap() {
    }

    public static Interval measure(double[][] real, double[][] generated, long seed) {
        FeatureStatistics reference = FeatureStatistics.of(real);
        double value = FrechetDistance.between(reference, FeatureStatistics.of(generated));
        SplittableRandom random = new SplittableRandom(seed);
        double[] replicates = new double[REPLICATES];
        for (int r = 0; r < REPLICATES; r++) {
            replicates[r] = FrechetDistance.between(reference,
                    statistics(generated, Bootstrap.resample(generated.length, generated.length, random)));
        }
        return Interval.basic(value, replicates);
    }

    /** Mean and unbiased covariance of the rows at {@code indices}; one covariance row per task, so threads change no digit. */
    static FeatureStatistics statistics(double[][] rows, int[] indices) {
        int d = rows[0].length;
        int n = indices.length;
        double[] mean = new double[d];
        for (int i : indices) {
            for (int k = 0; k < d; k++) {
                mean[k] += rows[i][k];
            }
        }
        for (int k = 0; k < d; k++) {
            mean[k] /= n;
        }
        double[][] covariance = new double[d][];
        IntStream.range(0, d).parallel().forEach(a -> {
            double[] row = new double[d];
            for (int i : indices) {
                double ca = rows[i][a] - mean[a];
                for (int b = 0; b < d; b++) {
                    row[b] += ca * (rows[i][b] - mean[b]);
                }
            }
            for (int b = 0; b < d; b++) {
                row[b] /= n - 1;
            }
            covariance[a] = row;
        });
        return new FeatureStatistics(mean, covariance, n);
    }
}
