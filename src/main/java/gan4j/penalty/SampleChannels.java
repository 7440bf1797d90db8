package gan4j.penalty;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The leading channels of D's input that hold the sample itself; any channels after them are
 * conditioning planes, identical in real and fake batches, which penalties must leave alone.
 */
final class SampleChannels {

    private SampleChannels() {
    }

    /** A view of the first {@code channels} channels (dimension 1) of {@code batch}. */
    static INDArray view(INDArray batch, long channels) {
        INDArrayIndex[] index = new INDArrayIndex[batch.rank()];
        index[0] = NDArrayIndex.all();
        index[1] = NDArrayIndex.interval(0, channels);
        for (int i = 2; i < index.length; i++) {
            index[i] = NDArrayIndex.all();
        }
        return batch.get(index);
    }

    /** A copy of the sample channels, one flattened row per sample. */
    static INDArray rows(INDArray batch, long channels) {
        return view(batch, channels).dup('c').reshape('c', batch.size(0), -1);
    }

    /** A copy of {@code batch} whose sample channels are replaced by {@code rows}. */
    static INDArray replaced(INDArray batch, long channels, INDArray rows) {
        INDArray copy = batch.dup('c');
        INDArray samples = view(copy, channels);
        samples.assign(rows.reshape('c', samples.shape()));
        return copy;
    }
}
