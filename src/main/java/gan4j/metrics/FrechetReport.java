package gan4j.metrics;

import java.util.List;
import java.util.Locale;

/**
 * Fréchet distances in a dataset classifier's features: generated vs real test images, and real
 * training vs real test images as the floor that sampling noise alone gives at the same sample size.
 * The features come from a classifier trained on the dataset itself, not from Inception, so the
 * numbers are only comparable between models of the same dataset scored by the same classifier.
 */
public record FrechetReport(double generatedVsTest, int generated, double trainVsTest, int train, int test) {

    /** Three lines; ASCII "Frechet", since a console in the C locale would print é as '?'. */
    public List<String> lines() {
        return List.of(
                "classifier-feature Frechet distance (dataset-specific; NOT comparable to Inception FID):",
                String.format(Locale.ROOT, "  %d generated vs %d real test images: %.2f", generated, test,
                        generatedVsTest),
                String.format(Locale.ROOT, "  %d real training vs %d real test images: %.2f (the floor)", train, test,
                        trainVsTest));
    }
}
