package gan4j.data;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One training batch: samples FLOAT [batch, ...sampleShape] and their class labels ({@code labels[i]}
 * belongs to {@code images[i]}), drawn for one step.
 */
public record Batch(long step, INDArray images, int[] labels) {
}
