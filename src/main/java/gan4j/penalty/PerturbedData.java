package gan4j.penalty;

import gan4j.random.RandomStreams;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * DRAGAN's points (Kodali et al. 2017) as the authors' code draws them: x̂ = x + α·c·σ·u, with
 * x the real batch, σ the standard deviation of all its sample values (one number per batch,
 * population form), u ~ U[0,1) per value, α ~ U[0,1) per sample and c the perturbation (0.5 in
 * their code). The paper writes δ ~ N(0, cI); the released code, which produced its results,
 * uses the one-signed uniform form above, interpolating between x and x + c·σ·u.
 */
public final class PerturbedData implements PenaltyPoints {

    private final double perturbation;

    public PerturbedData(double perturbation) {
        if (!(perturbation >= 0)) {
            throw new IllegalArgumentException("perturbation must be >= 0, got " + perturbation);
        }
        this.perturbation = perturbation;
    }

    @Override
    public INDArray at(INDArray real, INDArray fake, SplittableRandom random) {
        INDArray rows = SampleRows.rows(real);
        double std = rows.stdNumber(false).doubleValue();
        INDArray alpha = RandomStreams.uniform(random, real.dataType(), rows.size(0), 1);
        INDArray noise = RandomStreams.uniform(random, real.dataType(), rows.shape());
        INDArray perturbed = noise.muliColumnVector(alpha).muli(perturbation * std).addi(rows);
        return SampleRows.shaped(perturbed, real);
    }
}
