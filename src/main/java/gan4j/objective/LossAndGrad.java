package gan4j.objective;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A scalar loss (mean over the batch) and its gradient with respect to each raw score.
 *
 * <p>Gradients are of the batch-mean loss, so they already carry the 1/batch factor; {@code dReal}
 * is null for generator losses, which see fake scores only.
 */
public record LossAndGrad(double loss, INDArray dReal, INDArray dFake) {
}
