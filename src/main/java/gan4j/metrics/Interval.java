package gan4j.metrics;

import java.util.Arrays;
import java.util.Locale;

/** An estimate with a 95% confidence interval. */
public record Interval(double value, double low, double high) {

    /** The 2.5th and 97.5th percentiles of {@code replicates} around {@code value}: the bootstrap percentile interval. */
    public static Interval percentile(double value, double[] replicates) {
        double[] sorted = replicates.clone();
        Arrays.sort(sorted);
        return new Interval(value, quantile(sorted, 0.025), quantile(sorted, 0.975));
    }

    /**
     * The basic (reverse percentile) bootstrap interval, 2θ − q97.5 to 2θ − q2.5: for a biased
     * statistic such as the Fréchet distance, whose replicates sit above the estimate because
     * resampling repeats samples, it moves the interval back around the estimate.
     */
    public static Interval basic(double value, double[] replicates) {
        Interval p = percentile(value, replicates);
        return new Interval(value, Math.max(0, 2 * value - p.high()), Math.max(0, 2 * value - p.low()));
    }

    /** "value [low, high]" with {@code format} for each number. */
    public String format(String format) {
        return String.format(Locale.ROOT, format + " [" + format + ", " + format + "]", value, low, high);
    }

    /** Linear interpolation between order statistics, NumPy's default ("linear") quantile. */
    static double quantile(double[] sorted, double q) {
        double position = q * (sorted.length - 1);
        int below = (int) Math.floor(position);
        int above = Math.min(sorted.length - 1, below + 1);
        return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
    }
}
