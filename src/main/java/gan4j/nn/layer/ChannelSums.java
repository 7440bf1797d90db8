package gan4j.nn.layer;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Per-channel sums of an NCHW array (over batch, height and width) as two matrix products with
 * vectors of ones, [1, N] × [N, C·H·W] then [C, H·W] × [H·W, 1]: 0.3–0.5 ms on DCGAN's batch-64
 * activations, where ND4J's reductions over axes 0, 2 and 3 took 0.7–2 ms.
 */
final class ChannelSums {

    private final ConstantMatrix batchOnes = new ConstantMatrix(1);
    private final ConstantMatrix positionOnes = new ConstantMatrix(1);

    /** A vector of {@code values.size(1)} sums, in the current workspace. */
    INDArray of(INDArray values) {
        DataType type = values.dataType();
        long batch = values.size(0);
        long channels = values.size(1);
        long positions = values.size(2) * values.size(3);
        INDArray perPosition = Nd4j.createUninitialized(type, 1, channels * positions);
        MatMul.into(batchOnes.of(type, 1, batch), false, values.reshape('c', batch, channels * positions), false,
                perPosition);
        INDArray sums = Nd4j.createUninitialized(type, channels, 1);
        MatMul.into(perPosition.reshape(channels, positions), false, positionOnes.of(type, positions, 1), false,
                sums);
        return sums.reshape(channels);
    }
}
