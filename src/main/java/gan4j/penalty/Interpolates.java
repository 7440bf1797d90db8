package gan4j.penalty;

import gan4j.random.RandomStreams;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** WGAN-GP's points (Gulrajani et al. 2017): x̂ = α·real + (1−α)·fake with one α ~ U(0,1) per sample. */
public final class Interpolates implements PenaltyPoints {

    @Override
    public INDArray at(INDArray real, INDArray fake, SplittableRandom random) {
        if (!real.equalShapes(fake)) {
            throw new IllegalArgumentException("real " + Arrays.toString(real.shape())
                    + " and fake " + Arrays.toString(fake.shape()) + " batches differ in shape");
        }
        INDArray alpha = RandomStreams.uniform(random, real.dataType(), real.size(0), 1);
        INDArray realRows = SampleRows.rows(real);
        INDArray fakeRows = SampleRows.rows(fake);
        return SampleRows.shaped(realRows.subi(fakeRows).muliColumnVector(alpha).addi(fakeRows), real);
    }
}
