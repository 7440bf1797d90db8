package gan4j.nn;

import org.nd4j.linalg.api.ndarray.INDArray;

/** The generator in sample space: samples from latent vectors and labels, trained by a gradient on those samples. */
public interface SampleGenerator {

    /** Training-mode samples for {@code latent} of classes {@code labels}, kept for the update that follows. */
    INDArray generate(INDArray latent, int[] labels);

    /** One optimizer step down dLoss/dSamples of the last {@link #generate}. */
    void update(INDArray sampleGradient);

    /** The network underneath. */
    Network network();
}
