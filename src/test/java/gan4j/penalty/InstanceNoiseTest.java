package gan4j.penalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class InstanceNoiseTest {

    private final InstanceNoise noise = new InstanceNoise(0.5, 100);

    @Test
    void stdStartsAtSigmaAndAnnealsLinearlyToZero() {
        INDArray samples = Nd4j.valueArrayOf(new long[] {1000, 1000}, 0.3, DataType.FLOAT);

        INDArray first = noise.apply(samples, 0, new SplittableRandom(1));
        INDArray middle = noise.apply(samples, 50, new SplittableRandom(2));

        assertEquals(0.5, first.sub(samples).stdNumber().doubleValue(), 0.005);
        assertEquals(0.0, first.sub(samples).meanNumber().doubleValue(), 0.002);
        assertEquals(0.25, middle.sub(samples).stdNumber().doubleValue(), 0.0025);
        assertSame(samples, noise.apply(samples, 100, new SplittableRandom(3)));
        assertSame(samples, noise.apply(samples, 1000, new SplittableRandom(3)));
    }

    @Test
    void neverMutatesItsInputAndRepeatsForTheSameRandom() {
        INDArray samples = Nd4j.linspace(-1, 1, 24, DataType.FLOAT).reshape(2, 3, 2, 2);
        INDArray copy = samples.dup();

        INDArray once = noise.apply(samples, 10, new SplittableRandom(4));
        INDArray again = noise.apply(samples, 10, new SplittableRandom(4));

        assertEquals(copy, samples);
        assertEquals(once, again);
        assertNotEquals(samples, once);
        assertEquals(DataType.FLOAT, once.dataType());
    }

    @Test
    void noAnnealingKeepsSigma() {
        assertEquals(0.5, new InstanceNoise(0.5, 0).std(1_000_000));
        assertEquals(0.0, new InstanceNoise(0, 100).std(0));
    }
}
