package gan4j.data;

import java.util.SplittableRandom;

/**
 * The 2-D Gaussian mixtures of the mode-collapse benchmarks in VEEGAN (Srivastava et al. 2017) and
 * PacGAN (Lin et al. 2018): equally weighted, isotropic components sharing one standard deviation.
 */
public enum ToyMixture {

    /** Eight Gaussians on the unit circle, means (cos 2πk/8, sin 2πk/8), std 0.01. */
    RING(ringMeans(8), 0.01),

    /** Twenty-five Gaussians on the lattice {−4, −2, 0, 2, 4}², std 0.05. */
    GRID(gridMeans(new double[] {-4, -2, 0, 2, 4}), 0.05);

    private final double[][] means;
    private final double std;

    ToyMixture(double[][] means, double std) {
        this.means = means;
        this.std = std;
    }

    /** Number of components (modes). */
    public int modes() {
        return means.length;
    }

    /** A copy of the component means, one {x, y} row per mode. */
    public double[][] means() {
        double[][] copy = new double[means.length][];
        for (int k = 0; k < means.length; k++) {
            copy[k] = means[k].clone();
        }
        return copy;
    }

    /** Standard deviation of every component, in each coordinate. */
    public double std() {
        return std;
    }

    /** Standard deviation of the whole mixture in each coordinate (equal in x and y for both). */
    public double coordinateStd() {
        double squares = 0;
        for (double[] mean : means) {
            squares += (mean[0] * mean[0] + mean[1] * mean[1]) / 2;
        }
        return Math.sqrt(squares / means.length + std * std);
    }

    /** Largest absolute coordinate of any mean: 1 for the ring, 4 for the grid. */
    public double extent() {
        double extent = 0;
        for (double[] mean : means) {
            extent = Math.max(extent, Math.max(Math.abs(mean[0]), Math.abs(mean[1])));
        }
        return extent;
    }

    /** Draws {@code n} points as {x, y} rows; the same seed always gives the same points. */
    public double[][] sample(int n, long seed) {
        return sample(n, new SplittableRandom(seed));
    }

    /**
     * Draws {@code n} points as {x, y} rows: a mode uniformly at random, then isotropic Gaussian noise
     * around its mean. Consumes {@code random} in a fixed order, so the points are a function of its
     * state.
     */
    public double[][] sample(int n, SplittableRandom random) {
        if (n < 0) {
            throw new IllegalArgumentException("cannot sample a negative number of points: " + n);
        }
        double[][] points = new double[n][];
        for (int i = 0; i < n; i++) {
            double[] mean = means[random.nextInt(means.length)];
            points[i] = new double[] {
                mean[0] + std * random.nextGaussian(),
                mean[1] + std * random.nextGaussian()
            };
        }
        return points;
    }

    private static double[][] ringMeans(int count) {
        double[][] means = new double[count][];
        for (int k = 0; k < count; k++) {
            double angle = 2 * Math.PI * k / count;
            means[k] = new double[] {Math.cos(angle), Math.sin(angle)};
        }
        return means;
    }

    private static double[][] gridMeans(double[] ticks) {
        double[][] means = new double[ticks.length * ticks.length][];
        int k = 0;
        for (double x : ticks) {
            for (double y : ticks) {
                means[k++] = new double[] {x, y};
            }
        }
        return means;
    }
}
