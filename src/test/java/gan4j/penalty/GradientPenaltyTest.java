package gan4j.penalty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.arch.Architecture;
import gan4j.arch.Dcgan;
import gan4j.config.ModelConfig.Norm;
import gan4j.nn.ConditionedCritic;
import gan4j.nn.Conditioning;
import gan4j.nn.SampleCritic;
import gan4j.nn.SequentialNetwork;
import gan4j.random.RandomStreams;
import java.util.SplittableRandom;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;

class GradientPenaltyTest {

    private static final double LAMBDA = 10;

    /** Penalty points fixed to the real batch, so a reference can look at the same x̂. */
    private static final PenaltyPoints AT_REAL = (real, fake, random) -> real;

    @ParameterizedTest
    @EnumSource(value = Activation.class, names = {"SOFTPLUS", "TANH"})
    void matchesDoubleBackpropOnSmoothMlpWithErrorShrinkingAsEpsilonSquared(Activation activation) {
        SequentialNetwork critic = Critics.mlp(2, 8, activation, DataType.DOUBLE);
        INDArray x = uniform(new SplittableRandom(1), -2, 2, 16, 2);
        DoubleBackpropReference reference = new DoubleBackpropReference(LAMBDA, 1, false);
        INDArray expected = reference.gradient(critic, x, 2);

        double coarse = relativeError(unconditioned(critic), x, new int[16], 0.1, expected, reference.value(critic, x, 2));
        double fine = relativeError(unconditioned(critic), x, new int[16], 0.05, expected, reference.value(critic, x, 2));
        double finest = relativeError(unconditioned(critic), x, new int[16], 0.01, expected,
                reference.value(critic, x, 2));
        System.out.printf("GradientPenalty vs double backprop, %s MLP: relative error %.2e at eps=0.1,"
                + " %.2e at 0.05, %.2e at 0.01%n", activation, coarse, fine, finest);
        assertTrue(coarse < 2e-3, "eps=0.1: " + coarse);
        assertTrue(finest < 3e-5, "eps=0.01: " + finest);
        assertEquals(4, coarse / fine, 0.5, "central difference: error ∝ eps²");
    }

    @Test
    void matchesDoubleBackpropOnConvCriticIgnoringLabelPlanes() {
        SequentialNetwork critic = Critics.conv(3);
        SplittableRandom random = new SplittableRandom(2);
        INDArray samples = uniform(random, -1, 1, 4, 1, 6, 6);
        int[] labels = {0, 1, 1, 0};
        Conditioning conditioning = Conditioning.oneHot(2);
        // The reference sees the network's whole input and counts only the sample channel's gradient.
        INDArray x = conditioning.discriminatorInput(samples, labels);
        DoubleBackpropReference reference = new DoubleBackpropReference(LAMBDA, 1, false);
        INDArray expected = reference.gradient(critic, x, 1);

        SampleCritic conditioned = new ConditionedCritic(critic, conditioning);
        double coarse = relativeError(conditioned, samples, labels, 0.1, expected, reference.value(critic, x, 1));
        double finest = relativeError(conditioned, samples, labels, 0.01, expected, reference.value(critic, x, 1));
        System.out.printf("GradientPenalty vs double backprop, tanh conv critic with label planes:"
                + " relative error %.2e at eps=0.1, %.2e at 0.01%n", coarse, finest);
        assertTrue(coarse < 2e-3, "eps=0.1: " + coarse);
        assertTrue(finest < 3e-5, "eps=0.01: " + finest);
    }

    @Test
    void linearCriticHasExactPenaltyAndClosedFormGradient() {
        SequentialNetwork critic = Critics.linear(3);
        INDArray w = Nd4j.createFromArray(0.5, -2.0, 1.0).reshape(3, 1);
        critic.model().getLayer(0).setParam("W", w);
        critic.model().getLayer(0).setParam("b", Nd4j.createFromArray(0.7).reshape(1, 1));
        double norm = w.norm2Number().doubleValue();
        INDArray real = uniform(new SplittableRandom(3), -1, 1, 5, 3);
        INDArray fake = uniform(new SplittableRandom(4), -1, 1, 5, 3);
        INDArray before = Nd4j.createFromArray(1.0, 2.0, 3.0, 4.0);
        INDArray sum = before.dup();

        double value = new GradientPenalty(LAMBDA, 1, false, 0.1, new Interpolates())
                .accumulate(unconditioned(critic), real, fake, new int[5], new SplittableRandom(5), sum);

        assertEquals(LAMBDA * (norm - 1) * (norm - 1), value, 1e-12);
        INDArray expectedW = w.reshape(3).mul(2 * LAMBDA * (norm - 1) / norm);
        INDArray expected = Nd4j.concat(0, expectedW, Nd4j.zeros(DataType.DOUBLE, 1)).addi(before);
        assertArrayEquals(expected.toDoubleVector(), sum.toDoubleVector(), 1e-12);
    }

    @Test
    void oneSidedAddsNothingBelowTarget() {
        SequentialNetwork critic = Critics.linear(3);
        critic.model().getLayer(0).setParam("W", Nd4j.createFromArray(0.3, -0.4, 0.2).reshape(3, 1));
        INDArray real = uniform(new SplittableRandom(6), -1, 1, 5, 3);
        INDArray fake = uniform(new SplittableRandom(7), -1, 1, 5, 3);
        INDArray sum = Nd4j.createFromArray(1.0, 2.0, 3.0, 4.0);

        double oneSided = new GradientPenalty(LAMBDA, 1, true, 0.1, new Interpolates())
                .accumulate(unconditioned(critic), real, fake, new int[5], new SplittableRandom(8), sum);
        assertEquals(0, oneSided);
        assertArrayEquals(new double[] {1, 2, 3, 4}, sum.toDoubleVector());

        double twoSided = new GradientPenalty(LAMBDA, 1, false, 0.1, new Interpolates())
                .accumulate(unconditioned(critic), real, fake, new int[5], new SplittableRandom(8), sum);
        assertEquals(LAMBDA * Math.pow(Math.sqrt(0.29) - 1, 2), twoSided, 1e-12);
    }

    @Test
    void oneSidedMatchesReferenceWithTargetAtMedianNorm() {
        SequentialNetwork critic = Critics.mlp(2, 4, Activation.SOFTPLUS, DataType.DOUBLE);
        INDArray x = uniform(new SplittableRandom(9), -2, 2, 16, 2);
        INDArray scores = critic.forward(x);
        double target = critic.backward(Nd4j.onesLike(scores)).input().norm2(1).median(0).getDouble(0);
        DoubleBackpropReference reference = new DoubleBackpropReference(LAMBDA, target, true);
        INDArray expected = reference.gradient(critic, x, 2);
        INDArray sum = Nd4j.zeros(DataType.DOUBLE, critic.model().numParams());

        double value = new GradientPenalty(LAMBDA, target, true, 0.01, AT_REAL)
                .accumulate(unconditioned(critic), x, x, new int[16], new SplittableRandom(0), sum);

        assertTrue(value > 0, "half the norms exceed the target");
        assertEquals(reference.value(critic, x, 2), value, 1e-12);
        assertTrue(relative(sum, expected) < 3e-5, "relative error " + relative(sum, expected));
    }

    @Test
    void labelFeaturesNeitherCountNorGetGradient() {
        SequentialNetwork critic = Critics.linear(5);
        INDArray w = Nd4j.createFromArray(0.6, -0.3, 5.0, -7.0, 2.0).reshape(5, 1);
        critic.model().getLayer(0).setParam("W", w);
        double sampleNorm = Math.hypot(0.6, 0.3);
        INDArray samples = uniform(new SplittableRandom(10), -1, 1, 4, 2);
        INDArray fakes = uniform(new SplittableRandom(11), -1, 1, 4, 2);
        GradientPenalty penalty = new GradientPenalty(LAMBDA, 1, false, 0.1, new Interpolates());

        SampleCritic conditioned = new ConditionedCritic(critic, Conditioning.oneHot(3));
        for (int[] labels : new int[][] {{0, 1, 2, 0}, {2, 2, 1, 1}}) {
            INDArray sum = Nd4j.zeros(DataType.DOUBLE, 6);
            double value = penalty.accumulate(conditioned, samples, fakes, labels, new SplittableRandom(12), sum);

            assertEquals(LAMBDA * (sampleNorm - 1) * (sampleNorm - 1), value, 1e-12);
            double scale = 2 * LAMBDA * (sampleNorm - 1) / sampleNorm;
            assertArrayEquals(new double[] {0.6 * scale, -0.3 * scale, 0, 0, 0, 0}, sum.toDoubleVector(), 1e-12);
        }
    }

    @Test
    void batchNormRunningStatisticsGetZero() {
        SequentialNetwork critic = Critics.batchNormalized(2);
        INDArray x = uniform(new SplittableRandom(13), -2, 2, 8, 2);
        INDArray sum = Nd4j.zeros(DataType.DOUBLE, critic.model().numParams());
        critic.forward(x);
        INDArray plain = critic.backward(Nd4j.ones(DataType.DOUBLE, 8, 1)).parameters().gradient().dup();
        new GradientPenalty(LAMBDA, 1, false, 0.1, AT_REAL).accumulate(unconditioned(critic), x, x, new int[8],
                new SplittableRandom(0), sum);

        String[] names = parameterNameAt(critic.model());
        int statistics = 0;
        double plainStatistics = 0;
        for (int j = 0; j < names.length; j++) {
            if (isRunningStatistic(names[j])) {
                statistics++;
                plainStatistics += Math.abs(plain.getDouble(j));
                assertEquals(0, sum.getDouble(j), names[j]);
            }
        }
        assertEquals(16, statistics, "8 means and 8 log-deviations");
        assertNotEquals(0, plainStatistics, "a plain backward pass does fill them");
        assertNotEquals(0, sum.norm2Number().doubleValue());
    }

    @Test
    void runsOnConditionalDcganCriticWithBatchNorm() {
        Dcgan dcgan = new Dcgan(28, 1, 8, 4, 4, Norm.BATCH, Norm.BATCH);
        SequentialNetwork critic = new SequentialNetwork(new MultiLayerNetwork(dcgan.discriminator(
                new Architecture.NetworkSpec(2, 0, new Sgd(0.1), DataType.FLOAT))));
        critic.model().init();
        SampleCritic conditioned = new ConditionedCritic(critic, Conditioning.oneHot(2));
        int[] labels = {0, 1, 1};
        SplittableRandom random = new SplittableRandom(14);
        INDArray real = RandomStreams.uniform(random, DataType.FLOAT, 3, 1, 28, 28);
        INDArray fake = RandomStreams.uniform(random, DataType.FLOAT, 3, 1, 28, 28);
        String[] names = parameterNameAt(critic.model());

        for (PenaltyPoints points : new PenaltyPoints[] {new Interpolates(), new PerturbedData(0.5)}) {
            INDArray sum = Nd4j.zeros(DataType.FLOAT, critic.model().numParams());
            double value = new GradientPenalty(LAMBDA, 1, false, 0.1, points)
                    .accumulate(conditioned, real, fake, labels, new SplittableRandom(15), sum);

            assertTrue(Double.isFinite(value) && value > 0, "value " + value);
            assertTrue(Double.isFinite(sum.norm2Number().doubleValue()) && sum.norm2Number().doubleValue() > 0);
            for (int j = 0; j < names.length; j++) {
                if (isRunningStatistic(names[j])) {
                    assertEquals(0, sum.getDouble(j), names[j]);
                }
            }
        }
    }

    private static SampleCritic unconditioned(SequentialNetwork critic) {
        return new ConditionedCritic(critic, Conditioning.none());
    }

    private static double relativeError(SampleCritic critic, INDArray samples, int[] labels, double epsilon,
                                        INDArray expected, double expectedValue) {
        INDArray sum = Nd4j.zeros(DataType.DOUBLE, critic.network().params().length());
        double value = new GradientPenalty(LAMBDA, 1, false, epsilon, AT_REAL)
                .accumulate(critic, samples, samples, labels, new SplittableRandom(0), sum);
        assertEquals(expectedValue, value, 1e-12 * Math.max(1, expectedValue));
        return relative(sum, expected);
    }

    private static double relative(INDArray actual, INDArray expected) {
        return actual.sub(expected).norm2Number().doubleValue() / expected.norm2Number().doubleValue();
    }

    private static INDArray uniform(SplittableRandom random, double low, double high, long... shape) {
        return RandomStreams.uniform(random, DataType.DOUBLE, shape).muli(high - low).addi(low);
    }

    /** The name of the parameter each entry of the flat parameter vector belongs to. */
    static String[] parameterNameAt(MultiLayerNetwork net) {
        MultiLayerNetwork labelled = net.clone();
        String[] names = labelled.paramTable().keySet().toArray(String[]::new);
        for (int k = 0; k < names.length; k++) {
            labelled.paramTable().get(names[k]).assign(k);
        }
        double[] flat = labelled.params().toDoubleVector();
        String[] result = new String[flat.length];
        for (int j = 0; j < flat.length; j++) {
            result[j] = names[(int) flat[j]];
        }
        return result;
    }

    /** BatchNorm's running mean, variance (or log10 std): DL4J's names for them. */
    static boolean isRunningStatistic(String name) {
        return name.endsWith("_mean") || name.endsWith("_var") || name.endsWith("_log10stdev");
    }
}
