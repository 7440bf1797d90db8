package gan4j.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/** One training batch: images [batch, channels, height, width] in [-1, 1] and their class labels. */
public record Batch(long step, INDArray images, int[] labels) {
}
