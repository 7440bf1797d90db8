package gan4j.penalty;

import gan4j.random.RandomStreams;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Instance noise (Sønderby et al. 2016; Arjovsky and Bottou 2017): Gaussian noise on D's real and
 * fake inputs, so that the two distributions overlap, with standard deviation
 * σₜ = σ₀·max(0, 1 − t/annealSteps) at step t; annealSteps = 0 keeps σ₀ throughout.
 */
public final class InstanceNoise implements InputNoise {

    private final double initialStd;
    private final long annealSteps;

    public InstanceNoise(double initialStd, long annealSteps) {
        if (!(initialStd >= 0)) {
            throw new IllegalArgumentException("std must be >= 0, got " + initialStd);
        }
        if (annealSteps < 0) {
            throw new IllegalArgumentException("annealSteps must be >= 0, got " + annealSteps);
        }
        this.initialStd = initialStd;
        this.annealSteps = annealSteps;
    }

    /** σₜ, the noise standard deviation at {@code step}. */
    public double std(long step) {
        if (annealSteps == 0) {
            return initialStd;
        }
        return initialStd * Math.max(0, 1 - (double) step / annealSteps);
    }

    /** A new array {@code samples + σₜ·N(0, 1)}, or {@code samples} itself once σₜ is zero. */
    @Override
    public INDArray apply(INDArray samples, long step, SplittableRandom random) {
        double std = std(step);
        if (std == 0) {
            return samples;
        }
        return RandomStreams.gaussian(random, samples.dataType(), samples.shape()).muli(std).addi(samples);
    }
}
