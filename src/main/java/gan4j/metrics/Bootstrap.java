package gan4j.metrics;

import java.util.SplittableRandom;

/**
 * Percentile bootstrap over per-sample values: each replicate redraws the samples with replacement
 * and takes the mean. Metrics that are means of per-sample terms (precision, recall, density,
 * coverage) get their interval this way, with the nearest-neighbour radii held fixed.
 */
public final class Bootstrap {

    /** Replicates per interval: enough for stable 2.5% and 97.5% percentiles. */
    public static final int REPLICATES = 1000;

    private Bootstrap() {
    }

    /** The mean of {@code values} with its bootstrap interval, replicates drawn from {@code seed}. */
    public static Interval mean(double[] values, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] replicates = new double[REPLICATES];
        for (int r = 0; r < REPLICATES; r++) {
            double sum = 0;
            for (int i = 0; i < values.length; i++) {
                sum += values[random.nextInt(values.length)];
            }
            replicates[r] = sum / values.length;
        }
        return Interval.percentile(mean(values), replicates);
    }

    /** {@code count} indices drawn uniformly with replacement from 0..size-1. */
    static int[] resample(int size, int count, SplittableRandom random) {
        int[] indices = new int[count];
        for (int i = 0; i < count; i++) {
            indices[i] = random.nextInt(size);
        }
        return indices;
    }

    static double mean(double[] values) {
        double sum = 0;
        for (double v : values) {
            sum += v;
        }
        return sum / values.length;
    }
}
