package gan4j.metrics;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A fixed network that maps images to the feature vectors sample-quality metrics compare: the
 * run's own classifier, or one a user supplies (Inception for standard FID).
 */
public interface FeatureExtractor {

    /** Features [N, d] of {@code images} [N, channels, height, width] in [-1, 1], as the generator writes them. */
    INDArray features(INDArray images);

    /** What the features are, for the protocol printed beside every figure. */
    String describe();
}
