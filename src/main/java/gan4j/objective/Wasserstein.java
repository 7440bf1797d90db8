package gan4j.objective;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Wasserstein GAN (Arjovsky et al. 2017): critic loss = mean(s_f) − mean(s_r), G loss = −mean(s_f);
 * readout is the raw critic value. Needs a Lipschitz constraint or penalty to mean anything.
 */
public final class Wasserstein implements Objective {

    private static final Term IDENTITY = Term.of(s -> s, s -> 1.0);

    @Override
    public LossAndGrad discriminator(Scores scores) {
        // The critic maximises E f(x) − E f(G(z)).
        return Pointwise.discriminator(scores, IDENTITY.negated(), IDENTITY);
    }

    @Override
    public LossAndGrad generator(INDArray fakeScores) {
        return Pointwise.generator(fakeScores, IDENTITY.negated());
    }

    @Override
    public INDArray readout(INDArray scores) {
        return Pointwise.map(scores, s -> s);
    }

    @Override
    public String toString() {
        return "wasserstein";
    }
}
