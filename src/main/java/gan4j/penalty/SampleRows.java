package gan4j.penalty;

import org.nd4j.linalg.api.ndarray.INDArray;

/** A batch of samples as one flattened row per sample, and back: per-sample norms and steps are row operations. */
final class SampleRows {

    private SampleRows() {
    }

    /** A copy of {@code batch}, one flattened row per sample. */
    static INDArray rows(INDArray batch) {
        return batch.dup('c').reshape('c', batch.size(0), -1);
    }

    /** {@code rows} in the shape of {@code like}'s batch. */
    static INDArray shaped(INDArray rows, INDArray like) {
        return rows.reshape('c', like.shape());
    }
}
