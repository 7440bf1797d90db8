package gan4j.penalty;

import gan4j.nn.SampleCritic;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Lazy regularization (Karras et al. 2020, StyleGAN2 §B): a penalty applied only every
 * {@code every}-th D step, with its weight multiplied by {@code every} so that its average pull on
 * D stays what it was. The step count comes from the trainer, so a resumed run skips the same steps.
 */
public final class LazyPenalty implements Penalty {

    private final Penalty scaled;
    private final int every;

    /** {@code scaled} must already carry the multiplied weight. */
    public LazyPenalty(Penalty scaled, int every) {
        if (every < 1) {
            throw new IllegalArgumentException("every must be >= 1, got " + every);
        }
        this.scaled = scaled;
        this.every = every;
    }

    @Override
    public double accumulate(SampleCritic critic, INDArray real, INDArray fake, int[] labels, SplittableRandom random,
                             INDArray gradientSum) {
        return scaled.accumulate(critic, real, fake, labels, random, gradientSum);
    }

    @Override
    public boolean activeAt(long discriminatorStep) {
        return discriminatorStep % every == 0;
    }
}
