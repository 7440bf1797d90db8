package gan4j.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The standard sample-quality metrics of generated against real images in one feature space:
 * Fréchet distance, KID, precision and recall, density and coverage, and the entropy of the
 * classes the classifier sees in the generated samples (when there is one); each with its 95% interval, and the
 * protocol that produced them, since such numbers mean nothing without it.
 */
public record SampleQuality(Interval frechet, KernelDistance kid, ManifoldMetrics manifold,
                            Optional<ClassEntropy> classes, String space, String protocol) {

    /** The run's own classifier's penultimate layer. */
    public static final String CLASSIFIER_SPACE = "classifier features";
    /** A user-supplied network's output (--features); class entropy still comes from the classifier. */
    public static final String NETWORK_SPACE = "--features network features (class entropy: classifier)";
    /** A user-supplied network's output for data no classifier judges. */
    public static final String NETWORK_ONLY_SPACE = "--features network features";

    /**
     * Measures {@code generated} against {@code real} (rows of features), with the classes
     * {@code predicted} for the generated samples out of {@code classCount}; {@code space} names the feature space
     * for the heading, {@code protocol} says
     * where both sets came from, and every random draw derives from {@code seed}.
     */
    public static SampleQuality measure(double[][] real, double[][] generated, int[] predicted, int classCount,
                                        long seed, String space, String protocol) {
        return measure(real, generated, Optional.of(ClassEntropy.of(predicted, classCount, seed + 20)), seed, space,
                protocol);
    }

    /** As above, for images no classifier judges: without the class entropy. */
    public static SampleQuality measure(double[][] real, double[][] generated, long seed, String space,
                                        String protocol) {
        return measure(real, generated, Optional.empty(), seed, space, protocol);
    }

    private static SampleQuality measure(double[][] real, double[][] generated, Optional<ClassEntropy> classes,
                                         long seed, String space, String protocol) {
        KernelDistance kid = KernelDistance.measure(real, generated, KernelDistance.SUBSETS,
                KernelDistance.SUBSET_SIZE, seed);
        String full = protocol + String.format(Locale.ROOT, "; %d-d features; KID: %d subsets of %d, kernel"
                + " (x.y/d+1)^3; P/R k=%d, D/C k=%d (real k-NN radii); 95%% intervals: bootstrap, %d replicates"
                + " (FD: basic, generated set redrawn, %d replicates), seed %d", real[0].length, kid.subsets(), kid.subsetSize(),
                ManifoldMetrics.PRECISION_RECALL_K, ManifoldMetrics.DENSITY_COVERAGE_K, Bootstrap.REPLICATES,
                FrechetBootstrap.REPLICATES, seed);
        return new SampleQuality(FrechetBootstrap.measure(real, generated, seed), kid,
                ManifoldMetrics.measure(real, generated, seed + 10), classes, space, full);
    }

    /** The figures one per line, ASCII only, then the protocol. */
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("sample quality in " + space + " (value [95% interval]):");
        lines.add("  Frechet distance     " + frechet.format("%.3f"));
        lines.add(String.format(Locale.ROOT, "  KID                  %.5f [%.5f, %.5f]  (std over subsets %.5f,"
                + " standard error %.5f)", kid.mean(), kid.interval().low(), kid.interval().high(), kid.std(),
                kid.standardError()));
        lines.add("  precision            " + manifold.precision().format("%.3f"));
        lines.add("  recall               " + manifold.recall().format("%.3f"));
        lines.add("  density              " + manifold.density().format("%.3f"));
        lines.add("  coverage             " + manifold.coverage().format("%.3f"));
        classes.ifPresent(c -> lines.add("  class entropy (nats) " + c.entropy().format("%.3f")
                + String.format(Locale.ROOT, "  (uniform: %.3f)", c.maximum())));
        lines.add("  protocol: " + protocol);
        return lines;
    }
}
