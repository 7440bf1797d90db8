package gan4j.objective;

import static gan4j.objective.Scalar.sigmoid;
import static gan4j.objective.Scalar.softplus;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Non-saturating GAN (Goodfellow et al. 2014, §3): D loss = softplus(−s_r) + softplus(s_f), G loss =
 * softplus(−s_f), i.e. G maximises log D(G(z)); readout D = sigmoid(s).
 */
public final class NonSaturating implements Objective {

    /** −log D(x) = softplus(−s). */
    static final Term MINUS_LOG_D = Term.of(s -> softplus(-s), s -> -sigmoid(-s));

    /** −log(1 − D(x)) = softplus(s). */
    static final Term MINUS_LOG_ONE_MINUS_D = Term.of(s -> softplus(s), s -> sigmoid(s));

    @Override
    public LossAndGrad discriminator(Scores scores) {
        // D maximises log D(x) + log(1 − D(G(z))).
        return Pointwise.discriminator(scores, MINUS_LOG_D, MINUS_LOG_ONE_MINUS_D);
    }

    @Override
    public LossAndGrad generator(INDArray fakeScores) {
        // G maximises log D(G(z)).
        return Pointwise.generator(fakeScores, MINUS_LOG_D);
    }

    @Override
    public INDArray readout(INDArray scores) {
        return Pointwise.map(scores, Scalar::sigmoid);
    }

    @Override
    public String toString() {
        return "non_saturating";
    }
}
