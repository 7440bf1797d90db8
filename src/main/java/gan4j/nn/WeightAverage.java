package gan4j.nn;

import java.util.Arrays;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Moves a network's weights towards another's of the same layout: {@code a = decay·a + (1 − decay)·b},
 * in place. State that is not a weight (BatchNorm's running statistics, spectral normalization's
 * power-iteration vector) is copied instead: running statistics describe the activations of one set
 * of weights, so an average of them would describe none of the averaged networks.
 */
public final class WeightAverage {

    private WeightAverage() {
    }

    public static void blend(Network average, Network trained, double decay) {
        INDArray a = average.params();
        INDArray b = trained.params();
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException("the networks differ in size: " + a.length() + " and " + b.length()
                    + " parameters");
        }
        // In place over the flat, contiguous parameter vectors (no temporary the size of G per step),
        // then the few state arrays overwritten.
        a.muli(decay);
        Nd4j.getBlasWrapper().level1().axpy(a.length(), 1 - decay, b, a);
        Map<String, INDArray> target = average.paramTable();
        for (Map.Entry<String, INDArray> entry : trained.paramTable().entrySet()) {
            if (ParameterKinds.isState(entry.getKey())) {
                target.get(entry.getKey()).assign(entry.getValue());
            }
        }
    }
}
