package gan4j.metrics;

import gan4j.data.Dataset;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Scores the generator of an image folder (or packed images) during training against its own
 * training images, evenly spaced, in the features of a user's network such as Inception-v3: the
 * only real set such data has, so the figures say how close G comes to what it was trained on, and
 * reward memorising it as much as generalising.
 */
public final class ImageSetTrainingEvaluator implements TrainingEvaluator {

    private final Dataset data;
    private final FeatureExtractor network;
    private final int realCount;
    private RealFeatures real;

    public ImageSetTrainingEvaluator(Dataset data, FeatureExtractor network) {
        this.data = data;
        this.network = network;
        this.realCount = Math.min(ImageSetEvaluation.REAL_IMAGES, data.size());
    }

    @Override
    public List<String> columns() {
        return RealFeatures.COLUMNS;
    }

    @Override
    public double[] evaluate(INDArray samples, long seed) {
        if (real == null) {
            real = new RealFeatures(ImageSetEvaluation.realFeatures(data, network));
        }
        return real.measure(network.features(samples).toDoubleMatrix(), seed);
    }

    @Override
    public String protocol(int samples) {
        return String.format(Locale.ROOT, "%d generated samples against %d evenly spaced training images of %s (no"
                + " held-out split), in the features of %s: Frechet distance; %s", samples, realCount,
                data.describe(), network.describe(), RealFeatures.protocol());
    }
}
