package gan4j.objective;

import static gan4j.objective.Scalar.relu;
import static gan4j.objective.Scalar.step;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Hinge GAN (Lim &amp; Ye 2017; Miyato et al. 2018): D loss = relu(1 − s_r) + relu(1 + s_f), G loss =
 * −s_f; readout is the raw score (the margin). At a kink the gradient taken is 0.
 */
public final class Hinge implements Objective {

    @Override
    public LossAndGrad discriminator(Scores scores) {
        return Pointwise.discriminator(scores,
                Term.of(s -> relu(1.0 - s), s -> -step(1.0 - s)),
                Term.of(s -> relu(1.0 + s), s -> step(1.0 + s)));
    }

    @Override
    public LossAndGrad generator(INDArray fakeScores) {
        return Pointwise.generator(fakeScores, Term.of(s -> -s, s -> -1.0));
    }

    @Override
    public INDArray readout(INDArray scores) {
        return Pointwise.map(scores, s -> s);
    }

    @Override
    public String toString() {
        return "hinge";
    }
}
