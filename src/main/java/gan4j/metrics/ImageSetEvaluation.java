package gan4j.metrics;

import gan4j.data.Dataset;
import java.util.List;
import java.util.Locale;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * {@code gan eval} of a generator trained on an image folder (or packed images): the sample-quality
 * metrics, with intervals, in a user's network's features against up to {@link #REAL_IMAGES}
 * evenly spaced training images, the only real set such data has.
 */
public final class ImageSetEvaluation {

    /** As many real images as an IDX test split, or all the data has. */
    public static final int REAL_IMAGES = 10_000;

    private ImageSetEvaluation() {
    }

    /** {@code network}'s features of up to {@link #REAL_IMAGES} evenly spaced images of {@code data}, one row each. */
    static double[][] realFeatures(Dataset data, FeatureExtractor network) {
        int[] indices = IdxEvaluation.evenlySpaced(data.size(), Math.min(REAL_IMAGES, data.size()));
        return network.features(SampleClassifier.images(data, indices)).toDoubleMatrix();
    }

    /** The report lines for {@code samples} of {@code data}'s generator; intervals draw from {@code seed}. */
    public static List<String> lines(Dataset data, FeatureExtractor network, INDArray samples, long seed) {
        double[][] real = realFeatures(data, network);
        int count = real.length;
        long[] shape = data.sampleShape();
        String protocol = String.format(Locale.ROOT, "real: %d evenly spaced training images of %s (no held-out"
                + " split: the figures reward memorising as much as generalising); generated: %d samples (latent seed"
                + " %d); %dx%d pixels, resized as the network needs; features: %s", count, data.describe(),
                samples.size(0), seed, shape[1], shape[2], network.describe());
        return SampleQuality.measure(real, network.features(samples).toDoubleMatrix(), seed,
                SampleQuality.NETWORK_ONLY_SPACE, protocol).lines();
    }
}
