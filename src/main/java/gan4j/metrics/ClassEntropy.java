package gan4j.metrics;

import java.util.SplittableRandom;

/**
 * The entropy, in nats, of the histogram of classes a classifier assigns to generated samples: ln C
 * when every class is drawn equally often, 0 when all samples fall in one class (mode collapse).
 * Interval: bootstrap over the samples.
 */
public record ClassEntropy(Interval entropy, double maximum, int[] histogram) {

    public ClassEntropy {
        histogram = histogram.clone();
    }

    public static ClassEntropy of(int[] predicted, int classes, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] replicates = new double[Bootstrap.REPLICATES];
        for (int r = 0; r < replicates.length; r++) {
            int[] drawn = Bootstrap.resample(predicted.length, predicted.length, random);
            int[] counts = new int[classes];
            for (int i : drawn) {
                counts[predicted[i]]++;
            }
            replicates[r] = entropy(counts);
        }
        int[] counts = histogram(predicted, classes);
        return new ClassEntropy(Interval.percentile(entropy(counts), replicates), Math.log(classes), counts);
    }

    /** How many of {@code predicted} fall in each of {@code classes} classes. */
    static int[] histogram(int[] predicted, int classes) {
        int[] counts = new int[classes];
        for (int label : predicted) {
            counts[label]++;
        }
        return counts;
    }

    /** −Σ p ln p over the non-empty classes of {@code counts}. */
    static double entropy(int[] counts) {
        double total = 0;
        for (int c : counts) {
            total += c;
        }
        double h = 0;
        for (int c : counts) {
            if (c > 0) {
                double p = c / total;
                h -= p * Math.log(p);
            }
        }
        return h;
    }
}
