package gan4j.objective;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An adversarial loss: pure functions of the discriminator's raw scores, never writing into them.
 *
 * <p>The discriminator loss must be separable, a mean of a term in each real score plus a mean of a
 * term in each fake score, so that {@code dReal} depends on the real scores alone: the trainer
 * backpropagates D's real pass before it runs the fake one. Every objective here is.
 */
public interface Objective {

    /** The discriminator's loss (to minimise) and its gradients on real and fake scores. */
    LossAndGrad discriminator(Scores scores);

    /** The generator's loss (to minimise) and its gradient on the fake scores; {@code dReal} is null. */
    LossAndGrad generator(INDArray fakeScores);

    /**
     * What a score means to a person reading the logs: D's probability that the input is real for
     * sigmoid-based objectives (D(x), D(G(z)) in the papers), the raw critic value otherwise.
     */
    INDArray readout(INDArray scores);
}
