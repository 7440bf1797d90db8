package gan4j.metrics;

import gan4j.data.ToyMixture;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A toy 2-D generator scored against its mixture: the Fréchet distance of the points themselves
 * to a large real sample, then PacGAN's mode coverage (modes captured, high-quality share, reverse KL).
 */
public final class ToyTrainingEvaluator implements TrainingEvaluator {

    /** Enough real points that their mean and covariance are exact to well below any generator's error. */
    static final int REAL_POINTS = 20_000;

    private final ToyMixture mixture;
    private final FeatureStatistics real;

    public ToyTrainingEvaluator(ToyMixture mixture, long seed) {
        this.mixture = mixture;
        this.real = FeatureStatistics.of(mixture.sample(REAL_POINTS, new SplittableRandom(seed)));
    }

    @Override
    public List<String> columns() {
        return List.of("frechet", "modes", "high_quality", "reverse_kl");
    }

    @Override
    public double[] evaluate(INDArray samples, long seed) {
        double[][] points = samples.castTo(DataType.DOUBLE).toDoubleMatrix();
        ModeCoverageReport coverage = ModeCoverage.measure(points, mixture);
        return new double[] {FrechetDistance.between(real, FeatureStatistics.of(points)), coverage.modesCaptured(),
            coverage.highQualityFraction(), coverage.reverseKl()};
    }

    @Override
    public String protocol(int samples) {
        return String.format(Locale.ROOT, "%d generated points against the %s mixture: Frechet distance of the"
                + " 2-D points to %d real points, mode coverage within %.0f standard deviations", samples,
                mixture.name().toLowerCase(Locale.ROOT), REAL_POINTS, ModeCoverage.HIGH_QUALITY_STDS);
    }
}
