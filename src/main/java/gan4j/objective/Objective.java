package gan4j.objective;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An adversarial loss: pure functions of the discriminator's raw scores, never writing into them.
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
