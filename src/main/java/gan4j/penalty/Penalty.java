package gan4j.penalty;

import gan4j.nn.SampleCritic;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A weighted term added to the discriminator's loss, with its exact parameter gradient. */
public interface Penalty {

    /**
     * Adds this penalty's gradient with respect to D's parameters into {@code gradientSum} (a flat
     * array laid out like D's parameters) and returns the penalty's value. {@code real} and
     * {@code fake} are the samples D judged in this D step, of classes {@code labels}.
     */
    double accumulate(SampleCritic critic, INDArray real, INDArray fake, int[] labels, SplittableRandom random,
                      INDArray gradientSum);

    /**
     * Whether this penalty takes part in D step {@code discriminatorStep} (counted from 0 over the
     * whole run, k per generator step); lazy penalties skip most of them.
     */
    default boolean activeAt(long discriminatorStep) {
        return true;
    }
}
