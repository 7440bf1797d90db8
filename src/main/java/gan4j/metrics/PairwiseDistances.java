package gan4j.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Euclidean distances between feature vectors, one row at a time so that 10,000 × 10,000
 * comparisons need no matrix of them. Plain Java loops over double arrays: on these shapes (64 to
 * 128 features) they ran several times faster than ND4J's double-precision matrix product and
 * element-wise ops, whose per-call cost dominates. Rows are spread over the cores; every row's
 * result lands in its own slot, so the numbers do not depend on the thread count.
 */
final class PairwiseDistances {

    private PairwiseDistances() {
    }

    /** The squared distance: balls compare distances with radii, and squaring keeps every comparison's outcome. */
    static double squaredDistance(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return sum;
    }

    /**
     * Each row's distances to its {@code ks[0]}-th, {@code ks[1]}-th, ... nearest other row of the
     * same set (the row itself excluded), as Kynkäänniemi et al. and Naeem et al. define the radii
     * of their balls: {@code radii[q][row]} for {@code ks[q]}, squared.
     */
    static double[][] kthNeighbours(double[][] rows, int... ks) {
        int n = rows.length;
        int deepest = Arrays.stream(ks).max().orElseThrow();
        if (n <= deepest) {
            throw new IllegalArgumentException("a " + deepest + "-th nearest neighbour needs more than " + deepest
                    + " samples, got " + n);
        }
        double[][] radii = new double[ks.length][n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double[] smallest = new double[deepest];
            Arrays.fill(smallest, Double.POSITIVE_INFINITY);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    insert(smallest, squaredDistance(rows[i], rows[j]));
                }
            }
            for (int q = 0; q < ks.length; q++) {
                radii[q][i] = smallest[ks[q] - 1];
            }
        });
        return radii;
    }

    /** Keeps {@code smallest} the sorted smallest values seen so far. */
    private static void insert(double[] smallest, double d) {
        int k = smallest.length;
        if (d >= smallest[k - 1]) {
            return;
        }
        int pos = k - 1;
        while (pos > 0 && smallest[pos - 1] > d) {
            smallest[pos] = smallest[pos - 1];
            pos--;
        }
        smallest[pos] = d;
    }
}
