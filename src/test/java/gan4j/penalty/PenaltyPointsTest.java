package gan4j.penalty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.random.RandomStreams;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class PenaltyPointsTest {

    /** 3 images of 2 sample channels (4×4) with 2 constant label planes appended. */
    private static INDArray conditioned(long seed, double labelValue) {
        INDArray samples = RandomStreams.uniform(new SplittableRandom(seed), DataType.FLOAT, 3, 2, 4, 4);
        return Nd4j.concat(1, samples.muli(2).subi(1), Nd4j.valueArrayOf(new long[] {3, 2, 4, 4}, labelValue, DataType.FLOAT));
    }

    @Test
    void interpolatesLieOnTheSegmentWithOneAlphaPerSampleAndKeepLabelPlanes() {
        INDArray real = conditioned(1, 1);
        INDArray fake = conditioned(2, 1);
        INDArray realCopy = real.dup();
        INDArray fakeCopy = fake.dup();

        INDArray at = new Interpolates().at(real, fake, 2, new SplittableRandom(3));

        assertEquals(realCopy, real);
        assertEquals(fakeCopy, fake);
        assertArrayEquals(real.shape(), at.shape());
        assertEquals(SampleChannels.rows(real, 4).getColumns(range(32, 64)), SampleChannels.rows(at, 4).getColumns(range(32, 64)));
        INDArray offset = SampleChannels.rows(at, 2).sub(SampleChannels.rows(fake, 2));
        INDArray span = SampleChannels.rows(real, 2).sub(SampleChannels.rows(fake, 2));
        for (int i = 0; i < 3; i++) {
            INDArray alphas = offset.getRow(i).div(span.getRow(i));
            double alpha = alphas.getDouble(0);
            assertTrue(alpha >= 0 && alpha < 1, "alpha " + alpha);
            assertEquals(0, alphas.sub(alpha).amaxNumber().doubleValue(), 1e-4, "one alpha per sample");
        }
        assertEquals(at, new Interpolates().at(real, fake, 2, new SplittableRandom(3)), "same random, same points");
    }

    @Test
    void perturbedDataFollowsTheDraganCode() {
        INDArray real = conditioned(4, 1);
        INDArray realCopy = real.dup();
        double std = SampleChannels.rows(real, 2).stdNumber(false).doubleValue();

        INDArray at = new PerturbedData(0.5).at(real, conditioned(5, 1), 2, new SplittableRandom(6));

        assertEquals(realCopy, real);
        assertEquals(SampleChannels.rows(real, 4).getColumns(range(32, 64)), SampleChannels.rows(at, 4).getColumns(range(32, 64)));
        INDArray delta = SampleChannels.rows(at, 2).sub(SampleChannels.rows(real, 2));
        assertTrue(delta.minNumber().doubleValue() >= 0, "one-signed uniform noise");
        assertTrue(delta.maxNumber().doubleValue() < 0.5 * std, "within perturbation · std");
        assertTrue(delta.maxNumber().doubleValue() > 0.05 * std, "and not vanishing");
    }

    private static int[] range(int from, int to) {
        int[] r = new int[to - from];
        for (int i = 0; i < r.length; i++) {
            r[i] = from + i;
        }
        return r;
    }
}
