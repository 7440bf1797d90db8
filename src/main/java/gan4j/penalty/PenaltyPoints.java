package gan4j.penalty;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Where a gradient penalty looks at D: points built from this step's real and fake inputs. */
@FunctionalInterface
public interface PenaltyPoints {

    /** A new batch of samples shaped like {@code real}. Never writes into its arguments. */
    INDArray at(INDArray real, INDArray fake, SplittableRandom random);
}
