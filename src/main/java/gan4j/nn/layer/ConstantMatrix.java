package gan4j.nn.layer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A matrix filled with one value, kept outside workspaces from one call to the next and made again
 * only when the shape or data type asked for changes: filling a new one per call was a small op
 * each time, about 70 of them per DCGAN-28 step.
 */
final class ConstantMatrix {

    private final double value;
    private INDArray kept;

    ConstantMatrix(double value) {
        this.value = value;
    }

    INDArray of(DataType type, long rows, long columns) {
        if (kept == null || kept.dataType() != type || kept.rows() != rows || kept.columns() != columns) {
            try (MemoryWorkspace none = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
                kept = Nd4j.valueArrayOf(new long[] {rows, columns}, value, type);
            }
        }
        return kept;
    }
}
