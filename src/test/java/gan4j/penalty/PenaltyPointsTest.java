package gan4j.penalty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.random.RandomStreams;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class PenaltyPointsTest {

    /** 3 images of 2 channels (4×4) in [-1, 1]. */
    private static INDArray samples(long seed) {
        return RandomStreams.uniform(new SplittableRandom(seed), DataType.FLOAT, 3, 2, 4, 4).muli(2).subi(1);
    }

    @Test
    void interpolatesLieOnTheSegmentWithOneAlphaPerSample() {
        INDArray real = samples(1);
        INDArray fake = samples(2);
        INDArray realCopy = real.dup();
        INDArray fakeCopy = fake.dup();

        INDArray at = new Interpolates().at(real, fake, new SplittableRandom(3));

        assertEquals(realCopy, real);
        assertEquals(fakeCopy, fake);
        assertArrayEquals(real.shape(), at.shape());
        INDArray offset = SampleRows.rows(at).sub(SampleRows.rows(fake));
        INDArray span = SampleRows.rows(real).sub(SampleRows.rows(fake));
        for (int i = 0; i < 3; i++) {
            INDArray alphas = offset.getRow(i).div(span.getRow(i));
            double alpha = alphas.getDouble(0);
            assertTrue(alpha >= 0 && alpha < 1, "alpha " + alpha);
            assertEquals(0, alphas.sub(alpha).amaxNumber().doubleValue(), 1e-4, "one alpha per sample");
        }
        assertEquals(at, new Interpolates().at(real, fake, new SplittableRandom(3)), "same random, same points");
    }

    @Test
    void perturbedDataFollowsTheDraganCode() {
        INDArray real = samples(4);
        INDArray realCopy = real.dup();
        double std = SampleRows.rows(real).stdNumber(false).doubleValue();

        INDArray at = new PerturbedData(0.5).at(real, samples(5), new SplittableRandom(6));

        assertEquals(realCopy, real);
        assertArrayEquals(real.shape(), at.shape());
        INDArray delta = SampleRows.rows(at).sub(SampleRows.rows(real));
        assertTrue(delta.minNumber().doubleValue() >= 0, "one-signed uniform noise");
        assertTrue(delta.maxNumber().doubleValue() < 0.5 * std, "within perturbation · std");
        assertTrue(delta.maxNumber().doubleValue() > 0.05 * std, "and not vanishing");
    }
}
