package gan4j.random;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Every random draw of a run, derived from (root seed, purpose, step) alone. A resumed run therefore
 * draws exactly what an uninterrupted one would, and adding a new purpose shifts no other stream.
 */
public final class RandomStreams {

    /** What a stream of random numbers is for; the ordinal is part of its seed, so only append. */
    public enum Purpose { LATENT, FIXED_LATENT, FAKE_LABELS, PENALTY, INSTANCE_NOISE, SAMPLE, GENERATOR_INIT,
        DISCRIMINATOR_INIT, EVALUATION, AUGMENT }

    private final long seed;

    public RandomStreams(long seed) {
        this.seed = seed;
    }

    public long seed() {
        return seed;
    }

    /** A generator private to one purpose at one step (and sub-step, such as the k-th D update). */
    public SplittableRandom random(Purpose purpose, long step, int subStep) {
        long key = new SplittableRandom(seed).split().nextLong() ^ (purpose.ordinal() + 1L) * 0x9E3779B97F4A7C15L;
        key = new SplittableRandom(key).nextLong() ^ step * 0xC2B2AE3D27D4EB4FL;
        return new SplittableRandom(new SplittableRandom(key).nextLong() + subStep);
    }

    /** Standard normal samples of the given shape. */
    public static INDArray gaussian(SplittableRandom random, DataType type, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] values = new double[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i += 2) {
            // Box-Muller: SplittableRandom has no nextGaussian in Java 17.
            double u = 1.0 - random.nextDouble();
            double v = random.nextDouble();
            double r = Math.sqrt(-2.0 * Math.log(u));
            values[i] = r * Math.cos(2 * Math.PI * v);
            if (i + 1 < values.length) {
                values[i + 1] = r * Math.sin(2 * Math.PI * v);
            }
        }
        return Nd4j.create(values, shape, type);
    }

    /** Uniform samples in [0, 1) of the given shape. */
    public static INDArray uniform(SplittableRandom random, DataType type, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        double[] values = new double[Math.toIntExact(n)];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
        }
        return Nd4j.create(values, shape, type);
    }
}
