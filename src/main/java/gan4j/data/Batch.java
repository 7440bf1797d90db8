package gan4j.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/** One training batch: samples [batch, ...sampleShape] and their class labels, drawn for one step. */
public record Batch(long step, INDArray images, int[] labels) {
}
