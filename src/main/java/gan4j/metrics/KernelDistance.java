package gan4j.metrics;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Kernel Inception Distance (Bińkowski et al. 2018) in whatever features it is given: the unbiased
 * estimate of the squared MMD with the cubic polynomial kernel k(x, y) = (xᵀy / d + 1)³, averaged
 * over random subsets as torch-fidelity and clean-fid do (100 subsets of 1,000 by default), with the
 * standard deviation over subsets, the standard error of their mean, and a bootstrap interval of it.
 */
public record KernelDistance(double mean, double std, double standardError, Interval interval, int subsets,
                             int subsetSize) {

    public static final int SUBSETS = 100;
    public static final int SUBSET_SIZE = 1000;

    /** KID of {@code generated} against {@code real}: subsets of min(size, both counts), drawn from {@code seed}. */
    public static KernelDistance measure(double[][] real, double[][] generated, int subsets, int subsetSize,
                                         long seed) {
        int size = Math.min(subsetSize, Math.min(real.length, generated.length));
        if (size < 2) {
            throw new IllegalArgumentException("an unbiased MMD needs at least two samples of each set");
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] estimates = new double[subsets];
        for (int s = 0; s < subsets; s++) {
            estimates[s] = unbiasedMmd2(rows(real, choose(real.length, size, random)),
                    rows(generated, choose(generated.length, size, random)));
        }
        double mean = Bootstrap.mean(estimates);
        double variance = 0;
        for (double e : estimates) {
            variance += (e - mean) * (e - mean);
        }
        double std = subsets > 1 ? Math.sqrt(variance / (subsets - 1)) : 0;
        return new KernelDistance(mean, std, std / Math.sqrt(subsets), Bootstrap.mean(estimates, seed + 1),
                subsets, size);
    }

    /**
     * The unbiased MMD² of two samples: the kernel means within each set without the diagonal, minus
     * twice the mean across them. Sums per row, then in row order, so threads change no digit.
     */
    public static double unbiasedMmd2(double[][] x, double[][] y) {
        int d = x[0].length;
        return unbiasedMmd2(x, y, (a, b) -> kernel(a, b, d));
    }

    /** A positive-definite kernel on feature vectors. */
    @FunctionalInterface
    interface Kernel {
        double of(double[] a, double[] b);
    }

    /** As {@link #unbiasedMmd2(double[][], double[][])}, with any kernel. */
    static double unbiasedMmd2(double[][] x, double[][] y, Kernel kernel) {
        long m = x.length;
        long n = y.length;
        double xx = 2 * upperSum(x, kernel) / (m * (m - 1.0));
        double yy = 2 * upperSum(y, kernel) / (n * (n - 1.0));
        double[] cross = IntStream.range(0, x.length).parallel().mapToDouble(i -> {
            double sum = 0;
            for (double[] b : y) {
                sum += kernel.of(x[i], b);
            }
            return sum;
        }).toArray();
        return xx + yy - 2 * Bootstrap.mean(cross) / n;
    }

    /** Σ_{i<j} k(a_i, a_j). */
    private static double upperSum(double[][] a, Kernel kernel) {
        double[] rows = IntStream.range(0, a.length).parallel().mapToDouble(i -> {
            double sum = 0;
            for (int j = i + 1; j < a.length; j++) {
                sum += kernel.of(a[i], a[j]);
            }
            return sum;
        }).toArray();
        double total = 0;
        for (double r : rows) {
            total += r;
        }
        return total;
    }

    private static double kernel(double[] a, double[] b, int d) {
        double dot = 0;
        for (int k = 0; k < d; k++) {
            dot += a[k] * b[k];
        }
        double t = dot / d + 1;
        return t * t * t;
    }

    private static double[][] rows(double[][] all, int[] indices) {
        double[][] chosen = new double[indices.length][];
        for (int i = 0; i < indices.length; i++) {
            chosen[i] = all[indices[i]];
        }
        return chosen;
    }

    /** {@code count} distinct indices of 0..size-1, a partial Fisher-Yates shuffle. */
    private static int[] choose(int size, int count, SplittableRandom random) {
        int[] order = new int[size];
        for (int i = 0; i < size; i++) {
            order[i] = i;
        }
        int[] chosen = new int[count];
        for (int i = 0; i < count; i++) {
            int j = i + random.nextInt(size - i);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
            chosen[i] = order[i];
        }
        return chosen;
    }
}
