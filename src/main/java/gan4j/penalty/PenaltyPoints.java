package gan4j.penalty;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Where a gradient penalty looks at D: points built from this step's real and fake inputs. */
@FunctionalInterface
public interface PenaltyPoints {

    /**
     * A new batch shaped like {@code real}: only its first {@code sampleChannels} channels may
     * differ from {@code real}'s, since the rest are conditioning planes. Never writes into its
     * arguments.
     */
    INDArray at(INDArray real, INDArray fake, long sampleChannels, SplittableRandom random);
}
