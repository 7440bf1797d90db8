package gan4j.health;

/**
 * How different a batch of samples is from itself, in sample space (pixels for images, coordinates
 * for toy points): the mean Euclidean distance over all pairs, and the share of pairs closer than
 * {@code duplicateDistance}. Pixel distance is crude (a one-pixel shift counts as different), but a
 * collapse makes samples near-identical in every space, which is what this watches for.
 */
public record SampleDiversity(double meanDistance, double duplicateRate) {

    /** The diversity of {@code samples}, one flattened sample per row; needs at least two. */
    public static SampleDiversity of(double[][] samples, double duplicateDistance) {
        if (samples.length < 2) {
            throw new IllegalArgumentException("diversity needs at least two samples, got " + samples.length);
        }
        double sum = 0;
        long duplicates = 0;
        long pairs = 0;
        for (int i = 0; i < samples.length; i++) {
            for (int j = i + 1; j < samples.length; j++) {
                double d = distance(samples[i], samples[j]);
                sum += d;
                duplicates += d < duplicateDistance ? 1 : 0;
                pairs++;
            }
        }
        return new SampleDiversity(sum / pairs, (double) duplicates / pairs);
    }

    private static double distance(double[] a, double[] b) {
        double sum = 0;
        for (int k = 0; k < a.length; k++) {
            double d = a[k] - b[k];
            sum += d * d;
        }
        return Math.sqrt(sum);
    }
}
