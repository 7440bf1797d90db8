package gan4j.objective;

import org.nd4j.linalg.api.ndarray.INDArray;

/** Raw discriminator outputs on a real and a fake batch, each of shape [batch, 1]. */
public record Scores(INDArray real, INDArray fake) {
}
