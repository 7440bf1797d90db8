package gan4j.metrics;

import gan4j.data.ToyMixture;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Counts how well generated 2-D points cover a toy mixture's modes, following VEEGAN (Srivastava et
 * al. 2017, §5) and PacGAN (Lin et al. 2018, §3), which score 2,500 generated points.
 *
 * <ul>
 *   <li>Each point belongs to its nearest mode (Euclidean; all modes share one std, so this is also
 *       the nearest in std units). It is <em>high-quality</em> if its distance to that mode is below
 *       3 std. In 2-D that distance is Rayleigh-distributed, so an exact sample from the mixture is
 *       high-quality with probability 1 − e^(−9/2) ≈ 98.9%, not the one-dimensional 99.7%. A
 *       non-finite point (a diverged generator) is never high-quality.
 *   <li>A mode is <em>captured</em> if at least one high-quality point belongs to it.
 *   <li><em>Reverse KL</em> is KL(p ‖ uniform) = Σ_k p_k log(K p_k), where p is the histogram of the
 *       <em>high-quality</em> points over the K modes, normalised by their number; empty modes add
 *       nothing (0 log 0 = 0). Points that are not high-quality are left out, as in PacGAN's released
 *       evaluation (fjxmlzn/PacGAN, {@code synthetic_data_experiments/PacGAN/pacgan/extensions.py},
 *       {@code MetricLogger}: its per-mode histogram only counts points within 3 std, and it logs the
 *       histogram's entropy H, from which KL(p ‖ uniform) = log K − H). So off-mode points lower the
 *       high-quality fraction, not the reverse KL, and the two numbers measure different failures.
 * </ul>
 */
public final class ModeCoverage {

    /** A point farther than this many standard deviations from every mode is not high-quality. */
    public static final double HIGH_QUALITY_STDS = 3.0;

    private ModeCoverage() {
    }

    /** Scores an [n, 2] array of generated points. */
    public static ModeCoverageReport measure(INDArray points, ToyMixture mixture) {
        Objects.requireNonNull(points, "points");
        if (points.rank() != 2 || points.size(1) != 2) {
            throw new IllegalArgumentException(
                    "expected generated points of shape [n, 2], got " + Arrays.toString(points.shape()));
        }
        return measure(points.toDoubleMatrix(), mixture);
    }

    /** Scores generated points given as {x, y} rows. */
    public static ModeCoverageReport measure(double[][] points, ToyMixture mixture) {
        Objects.requireNonNull(points, "points");
        Objects.requireNonNull(mixture, "mixture");
        if (points.length == 0) {
            throw new IllegalArgumentException("cannot measure mode coverage of zero points");
        }
        double[][] means = mixture.means();
        double radius = HIGH_QUALITY_STDS * mixture.std();
        int[] highQualityPerMode = new int[means.length];
        int highQuality = 0;
        for (double[] point : points) {
            if (point.length != 2) {
                throw new IllegalArgumentException("expected {x, y} points, got one with " + point.length + " coordinates");
            }
            int nearest = nearestMode(point, means);
            double distance = Math.hypot(point[0] - means[nearest][0], point[1] - means[nearest][1]);
            if (distance < radius) {
                highQualityPerMode[nearest]++;
                highQuality++;
            }
        }
        int captured = 0;
        double reverseKl = highQuality == 0 ? Double.NaN : 0;
        for (int count : highQualityPerMode) {
            if (count > 0) {
                captured++;
                double p = (double) count / highQuality;
                reverseKl += p * Math.log(means.length * p);
            }
        }
        return new ModeCoverageReport(captured, means.length, (double) highQuality / points.length, reverseKl);
    }

    private static int nearestMode(double[] point, double[][] means) {
        int nearest = 0;
        double best = Double.POSITIVE_INFINITY;
        for (int k = 0; k < means.length; k++) {
            double dx = point[0] - means[k][0];
            double dy = point[1] - means[k][1];
            double squared = dx * dx + dy * dy;
            if (squared < best) {
                best = squared;
                nearest = k;
            }
        }
        return nearest;
    }
}
