package gan4j.objective;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Least-squares GAN (Mao et al. 2017, a = 0, b = 1, c = 1): D loss = ½(s_r − 1)² + ½s_f², G loss =
 * ½(s_f − 1)²; readout is the raw score.
 */
public final class LeastSquares implements Objective {

    /** ½(s − target)². */
    private static Term halfSquaredDistanceTo(double target) {
        return Term.of(s -> 0.5 * (s - target) * (s - target), s -> s - target);
    }

    @Override
    public LossAndGrad discriminator(Scores scores) {
        // D pulls real scores to b = 1 and fake scores to a = 0.
        return Pointwise.discriminator(scores, halfSquaredDistanceTo(1.0), halfSquaredDistanceTo(0.0));
    }

    @Override
    public LossAndGrad generator(INDArray fakeScores) {
        // G pulls fake scores to c = 1.
        return Pointwise.generator(fakeScores, halfSquaredDistanceTo(1.0));
    }

    @Override
    public INDArray readout(INDArray scores) {
        return Pointwise.map(scores, s -> s);
    }

    @Override
    public String toString() {
        return "least_squares";
    }
}
