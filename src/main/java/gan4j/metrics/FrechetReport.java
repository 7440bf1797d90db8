package gan4j.metrics;

import java.util.List;
import java.util.Locale;

/**
 * Fréchet distances in one feature space: generated vs real test images, and real training vs real
 * test images as the floor that sampling noise alone gives at the same sample size. In a dataset
 * classifier's features the numbers are only comparable between models of the same dataset scored
 * by the same classifier; in Inception-v3's pool_3 features they are standard FID.
 */
public record FrechetReport(String heading, double generatedVsTest, int generated, double trainVsTest, int train,
                            int test) {

    /** The heading in the run's own classifier's features. */
    public static final String CLASSIFIER_HEADING =
            "classifier-feature Frechet distance (dataset-specific; NOT comparable to Inception FID):";
    /** The heading in a user-supplied network's features (--features). */
    public static final String NETWORK_HEADING =
            "Frechet distance in the --features network's features (standard FID if it is Inception-v3 pool_3):";

    /** Three lines; ASCII "Frechet", since a console in the C locale would print é as '?'. */
    public List<String> lines() {
        return List.of(
                heading,
                String.format(Locale.ROOT, "  %d generated vs %d real test images: %.2f", generated, test,
                        generatedVsTest),
                String.format(Locale.ROOT, "  %d real training vs %d real test images: %.2f (the floor)", train, test,
                        trainVsTest));
    }
}
