package gan4j.objective;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Minimax (saturating) GAN (Goodfellow et al. 2014, eq. 1): D loss = softplus(−s_r) + softplus(s_f),
 * G loss = −softplus(s_f) = log(1 − D(G(z))); readout D = sigmoid(s).
 */
public final class Minimax implements Objective {

    @Override
    public LossAndGrad discriminator(Scores scores) {
        // D maximises V(D, G) = E log D(x) + E log(1 − D(G(z))).
        return Pointwise.discriminator(scores, NonSaturating.MINUS_LOG_D, NonSaturating.MINUS_LOG_ONE_MINUS_D);
    }

    @Override
    public LossAndGrad generator(INDArray fakeScores) {
        // G minimises V, whose only G-dependent term is log(1 − D(G(z))) = −softplus(s_f).
        return Pointwise.generator(fakeScores, NonSaturating.MINUS_LOG_ONE_MINUS_D.negated());
    }

    @Override
    public INDArray readout(INDArray scores) {
        return Pointwise.map(scores, Scalar::sigmoid);
    }

    @Override
    public String toString() {
        return "minimax";
    }
}
