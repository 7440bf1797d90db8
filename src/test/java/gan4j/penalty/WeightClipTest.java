package gan4j.penalty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gan4j.nn.SequentialNetwork;
import gan4j.random.RandomStreams;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

class WeightClipTest {

    @Test
    void clipsWeightsLeavesInsideValuesAndRunningStatisticsAlone() {
        SequentialNetwork critic = Critics.batchNormalized(2);
        INDArray params = critic.model().params();
        params.assign(RandomStreams.uniform(new SplittableRandom(1), DataType.DOUBLE, params.shape()).muli(2).subi(1));
        Map<String, INDArray> table = critic.model().paramTable();
        table.get("1_mean").assign(0.7);
        table.get("1_log10stdev").assign(0.4);
        double[] before = params.toDoubleVector();

        new WeightClip(0.25).apply(critic);

        double[] after = critic.model().params().toDoubleVector();
        String[] names = GradientPenaltyTest.parameterNameAt(critic.model());
        int clipped = 0;
        for (int j = 0; j < after.length; j++) {
            if (GradientPenaltyTest.isRunningStatistic(names[j])) {
                assertEquals(before[j], after[j], names[j] + " is a running statistic");
            } else if (Math.abs(before[j]) <= 0.25) {
                assertEquals(before[j], after[j], "inside values unchanged");
            } else {
                clipped++;
                assertEquals(Math.signum(before[j]) * 0.25, after[j]);
            }
        }
        assertTrue(clipped > 0);
    }
}
