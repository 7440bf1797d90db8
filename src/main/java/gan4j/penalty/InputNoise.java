package gan4j.penalty;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Perturbs D's inputs, real and fake alike, as a function of the training step. */
public interface InputNoise {

    InputNoise NONE = (samples, step, random) -> samples;

    INDArray apply(INDArray samples, long step, SplittableRandom random);
}
