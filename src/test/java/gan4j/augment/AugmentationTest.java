package gan4j.augment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;

import gan4j.config.AugmentConfig;
import gan4j.config.AugmentConfig.Op;
import gan4j.random.RandomStreams;
import java.util.List;
import java.util.OptionalDouble;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

class AugmentationTest {

    private static final AugmentConfig EVERY_OP = new AugmentConfig(List.of(Op.values()), 1, OptionalDouble.empty(), 1);

    /** The whole chain's backward pass is the gradient of ⟨augment(x), g⟩, checked by central differences. */
    @Test
    void backwardOfTheWholePolicyMatchesFiniteDifferences() {
        Augmentation augmentation = Augmentation.from(EVERY_OP);
        INDArray x = RandomStreams.uniform(new SplittableRandom(1), DataType.DOUBLE, 4, 3, 8, 8).muli(2).subi(1);
        INDArray g = RandomStreams.gaussian(new SplittableRandom(2), DataType.DOUBLE, 4, 3, 8, 8);
        INDArray direction = RandomStreams.gaussian(new SplittableRandom(3), DataType.DOUBLE, 4, 3, 8, 8);

        INDArray back = augmentation.apply(x, 0.7, new SplittableRandom(4)).backward(g);
        double h = 1e-3;
        double up = augmentation.apply(x.add(direction.mul(h)), 0.7, new SplittableRandom(4)).images().mul(g)
                .sumNumber().doubleValue();
        double down = augmentation.apply(x.sub(direction.mul(h)), 0.7, new SplittableRandom(4)).images().mul(g)
                .sumNumber().doubleValue();
        assertEquals((up - down) / (2 * h), back.mul(direction).sumNumber().doubleValue(), 1e-7);
        assertArrayEquals(x.shape(), back.shape());
    }

    @Test
    void probabilityZeroChangesNothingAndTheSameStreamGivesTheSameBatch() {
        Augmentation augmentation = Augmentation.from(EVERY_OP);
        INDArray x = RandomStreams.uniform(new SplittableRandom(5), DataType.FLOAT, 2, 1, 8, 8);
        assertEquals(x, augmentation.apply(x, 0, new SplittableRandom(6)).images());
        INDArray once = augmentation.apply(x, 1, new SplittableRandom(6)).images();
        assertEquals(DataType.FLOAT, once.dataType());
        assertEquals(once, augmentation.apply(x, 1, new SplittableRandom(6)).images());
        assertFalse(once.equals(x));
    }

    @Test
    void anEmptyPolicyIsNoAugmentationAndPassesArraysThrough() {
        Augmentation none = Augmentation.from(AugmentConfig.OFF);
        assertSame(Augmentation.NONE, none);
        INDArray x = Nd4j.ones(DataType.FLOAT, 2, 1, 4, 4);
        Augmented seen = none.apply(x, 1, new SplittableRandom(7));
        assertSame(x, seen.images());
        assertSame(x, seen.backward(x));
    }

    @Test
    void fixedProbabilityIgnoresTheStateAndAdaStartsFromTheConfiguredOne() {
        Augmentation fixed = Augmentation.from(new AugmentConfig(List.of(Op.COLOR), 0.8, OptionalDouble.empty(), 10));
        assertEquals(0.8, fixed.probability(AugmentState.at(0.1)));
        assertEquals(AugmentState.at(0.1), fixed.after(AugmentState.at(0.1), 3, 64, 64));

        Augmentation ada = Augmentation.from(new AugmentConfig(List.of(Op.COLOR), 0, OptionalDouble.of(0.6), 1000));
        assertEquals(AugmentState.at(0), ada.initialState());
        assertEquals(0.25, ada.probability(AugmentState.at(0.25)));
    }
}
