package gan4j.penalty;

import gan4j.nn.Network;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A weighted term added to the discriminator's loss, with its exact parameter gradient. */
public interface Penalty {

    /**
     * Adds this penalty's gradient with respect to D's parameters into {@code gradientSum} (a flat
     * array laid out like D's parameters) and returns the penalty's value. {@code real} and
     * {@code fake} are D's inputs for this D step, conditioning included; {@code sampleChannels}
     * is how many leading channels of them are the sample itself.
     */
    double accumulate(Network discriminator, INDArray real, INDArray fake, long sampleChannels,
                      SplittableRandom random, INDArray gradientSum);
}
