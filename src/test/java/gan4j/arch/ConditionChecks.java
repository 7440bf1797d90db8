package gan4j.arch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.nn.ConditionedCritic;
import gan4j.nn.ConditionedGenerator;
import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Checks shared by the conditional-architecture tests: a critic's sample gradient, G's class norms. */
final class ConditionChecks {

    private ConditionChecks() {
    }

    /**
     * The gradient of Σ weights·D(x, labels) with respect to 40 random pixels of single-channel
     * 28×28 samples, against float64 central differences.
     */
    static void sampleGradientMatchesFiniteDifferences(ConditionedCritic critic, INDArray x, int[] labels,
                                                       INDArray weights, double absoluteTolerance) {
        critic.score(x, labels);
        INDArray gradient = critic.sampleGradient(weights).dup();
        assertArrayEquals(x.shape(), gradient.shape());
        assertTrue(gradient.norm2Number().doubleValue() > 0);
        SplittableRandom random = new SplittableRandom(3);
        double eps = 1e-5;
        for (int k = 0; k < 40; k++) {
            int[] at = {random.nextInt(labels.length), 0, random.nextInt(28), random.nextInt(28)};
            double value = x.getDouble(at[0], 0, at[2], at[3]);
            INDArray up = x.dup();
            up.putScalar(at, value + eps);
            INDArray down = x.dup();
            down.putScalar(at, value - eps);
            double numeric = (weighted(critic, up, labels, weights) - weighted(critic, down, labels, weights))
                    / (2 * eps);
            assertEquals(numeric, gradient.getDouble(at[0], 0, at[2], at[3]),
                    absoluteTolerance + 1e-4 * Math.abs(numeric), "pixel " + Arrays.toString(at));
        }
        critic.network().releaseActivations();
    }

    private static double weighted(ConditionedCritic critic, INDArray samples, int[] labels, INDArray weights) {
        return critic.score(samples, labels).mul(weights).sumNumber().doubleValue();
    }

    /**
     * With its one-hot input weights zeroed by the caller, G's samples must depend on the label
     * while its class gains and shifts differ, and not once they are reset to 1 and 0.
     *
     * @return the samples for {@code labels} with the perturbed gains and shifts
     */
    static INDArray labelsActOnlyThroughGainsAndShifts(ConditionedGenerator g, INDArray z, int[] labels,
                                                       int[] others) {
        Map<String, INDArray> params = g.network().paramTable();
        Nd4j.getRandom().setSeed(9);
        params.forEach((name, value) -> {
            if (name.contains("_gain_") || name.contains("_shift_")) {
                value.addi(Nd4j.randn(DataType.DOUBLE, value.shape()).muli(0.5));
            }
        });
        INDArray conditioned = g.generate(z, labels).dup();
        assertTrue(conditioned.sub(g.generate(z, others)).amaxNumber().doubleValue() > 1e-3,
                "the label changes the samples");
        params.forEach((name, value) -> {
            if (name.contains("_gain_")) {
                value.assign(1);
            } else if (name.contains("_shift_")) {
                value.assign(0);
            }
        });
        assertEquals(g.generate(z, labels).dup(), g.generate(z, others).dup(),
                "unit gains and zero shifts leave the label no other way in");
        g.network().releaseActivations();
        return conditioned;
    }
}
