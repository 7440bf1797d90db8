package gan4j.penalty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.config.RegularizerConfig;
import gan4j.config.RegularizerConfig.Side;
import gan4j.nn.ConditionedCritic;
import gan4j.nn.Conditioning;
import gan4j.nn.SampleCritic;
import gan4j.nn.SequentialNetwork;
import gan4j.random.RandomStreams;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** R1 and R2 (Mescheder et al. 2018): γ/2·mean‖∇ₓD‖² at real or fake samples, plain and lazy. */
class ZeroCenteredPenaltyTest {

    private static final double GAMMA = 10;

    @ParameterizedTest
    @EnumSource(Side.class)
    void matchesDoubleBackpropAtTheSideItNames(Side side) {
        SequentialNetwork critic = Critics.mlp(2, 8, Activation.SOFTPLUS, DataType.DOUBLE);
        INDArray judged = uniform(new SplittableRandom(1), 16, 2);
        INDArray other = uniform(new SplittableRandom(2), 16, 2);
        DoubleBackpropReference reference = new DoubleBackpropReference(GAMMA / 2, 0, false);
        INDArray expected = reference.gradient(critic, judged, 2);
        double expectedValue = reference.value(critic, judged, 2);

        INDArray sum = Nd4j.zeros(DataType.DOUBLE, critic.model().numParams());
        INDArray real = side == Side.REAL ? judged : other;
        INDArray fake = side == Side.REAL ? other : judged;
        double value = penalty(side, 1).accumulate(unconditioned(critic), real, fake, new int[16],
                new SplittableRandom(0), sum);

        double error = sum.sub(expected).norm2Number().doubleValue() / expected.norm2Number().doubleValue();
        System.out.printf("%s vs double backprop, softplus MLP: relative error %.2e at eps=0.01%n",
                side == Side.REAL ? "R1" : "R2", error);
        assertEquals(expectedValue, value, 1e-12 * expectedValue);
        assertTrue(error < 3e-5, "relative error " + error);
    }

    @Test
    void linearCriticHasClosedFormValueAndGradient() {
        SequentialNetwork critic = Critics.linear(3);
        INDArray w = Nd4j.createFromArray(0.5, -2.0, 1.0).reshape(3, 1);
        critic.model().getLayer(0).setParam("W", w);
        INDArray x = uniform(new SplittableRandom(3), 5, 3);
        INDArray sum = Nd4j.zeros(DataType.DOUBLE, 4);

        double value = penalty(Side.REAL, 1).accumulate(unconditioned(critic), x, x, new int[5],
                new SplittableRandom(0), sum);

        assertEquals(GAMMA / 2 * 5.25, value, 1e-12, "γ/2·‖w‖²");
        assertArrayEquals(new double[] {GAMMA * 0.5, GAMMA * -2.0, GAMMA * 1.0, 0}, sum.toDoubleVector(), 1e-10,
                "∇w = γ·w, nothing for the bias");
    }

    @Test
    void lazyRunsEveryNthDStepWithNTimesTheWeight() {
        Penalty every = penalty(Side.REAL, 1);
        Penalty lazy = penalty(Side.REAL, 4);
        assertInstanceOf(LazyPenalty.class, lazy);
        assertTrue(lazy.activeAt(0) && lazy.activeAt(4) && lazy.activeAt(400));
        assertFalse(lazy.activeAt(1) || lazy.activeAt(2) || lazy.activeAt(3) || lazy.activeAt(401));
        assertTrue(every.activeAt(1));

        SequentialNetwork critic = Critics.mlp(2, 4, Activation.TANH, DataType.DOUBLE);
        INDArray x = uniform(new SplittableRandom(4), 8, 2);
        INDArray plainSum = Nd4j.zeros(DataType.DOUBLE, critic.model().numParams());
        INDArray lazySum = Nd4j.zeros(DataType.DOUBLE, critic.model().numParams());
        double plain = every.accumulate(unconditioned(critic), x, x, new int[8], new SplittableRandom(0), plainSum);
        double scaled = lazy.accumulate(unconditioned(critic), x, x, new int[8], new SplittableRandom(0), lazySum);
        assertEquals(4 * plain, scaled, 1e-12);
        assertArrayEquals(plainSum.mul(4).toDoubleVector(), lazySum.toDoubleVector(), 1e-10);
    }

    private static Penalty penalty(Side side, int every) {
        List<Penalty> built = Regularizers.from(List.of(new RegularizerConfig.ZeroCenteredPenalty(side, GAMMA, every,
                0.01))).penalties();
        assertEquals(1, built.size());
        return built.get(0);
    }

    private static SampleCritic unconditioned(SequentialNetwork critic) {
        return new ConditionedCritic(critic, Conditioning.none());
    }

    private static INDArray uniform(SplittableRandom random, long... shape) {
        return RandomStreams.uniform(random, DataType.DOUBLE, shape).muli(4).subi(2);
    }
}
