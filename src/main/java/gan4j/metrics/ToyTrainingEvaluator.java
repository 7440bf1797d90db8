package gan4j.metrics;

import gan4j.data.ToyMixture;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A toy 2-D generator scored against its mixture: the Gaussian-kernel MMD at the high-quality radius
 * (what {@code best.ckpt} minimises: on the ring, a step with 16% high-quality points had the lower
 * Fréchet distance than one with 76%), the Fréchet distance of the points to a large real sample,
 * then PacGAN's mode coverage (modes captured, high-quality share, reverse KL).
 */
public final class ToyTrainingEvaluator implements TrainingEvaluator {

    /** Enough real points that their mean and covariance are exact to well below any generator's error. */
    static final int REAL_POINTS = 20_000;

    /** As many real points as PacGAN's protocol generates: the MMD compares like with like. */
    static final int MMD_POINTS = 2500;

    private final ToyMixture mixture;
    private final FeatureStatistics real;
    private final double[][] mmdReal;

    public ToyTrainingEvaluator(ToyMixture mixture, long seed) {
        this.mixture = mixture;
        SplittableRandom random = new SplittableRandom(seed);
        this.real = FeatureStatistics.of(mixture.sample(REAL_POINTS, random));
        this.mmdReal = mixture.sample(MMD_POINTS, random);
    }

    @Override
    public List<String> columns() {
        return List.of("mmd", "frechet", "modes", "high_quality", "reverse_kl");
    }

    @Override
    public double[] evaluate(INDArray samples, long seed) {
        double[][] points = samples.castTo(DataType.DOUBLE).toDoubleMatrix();
        ModeCoverageReport coverage = ModeCoverage.measure(points, mixture);
        double mmd = GaussianMmd.unbiasedMmd2(mmdReal, points, ModeCoverage.HIGH_QUALITY_STDS * mixture.std());
        return new double[] {mmd, FrechetDistance.between(real, FeatureStatistics.of(points)), coverage.modesCaptured(),
            coverage.highQualityFraction(), coverage.reverseKl()};
    }

    @Override
    public String protocol(int samples) {
        return String.format(Locale.ROOT, "%d generated points against the %s mixture: unbiased MMD^2 with a"
                + " Gaussian kernel of bandwidth %.0f mode standard deviations to %d real points; Frechet distance of"
                + " the 2-D points to %d real points; mode coverage within %.0f standard deviations", samples,
                mixture.name().toLowerCase(Locale.ROOT), ModeCoverage.HIGH_QUALITY_STDS, MMD_POINTS, REAL_POINTS,
                ModeCoverage.HIGH_QUALITY_STDS);
    }
}
