package gan4j.penalty;

import gan4j.nn.SequentialNetwork;
import java.util.Arrays;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The gradient-norm penalty λ·mean(r²) evaluated exactly (input gradient by backprop) and its
 * parameter gradient by central differences in θ: the double-backprop gradient DL4J cannot give.
 */
final class DoubleBackpropReference {

    private static final double STEP = 1e-5;

    private final double weight;
    private final double target;
    private final boolean oneSided;

    DoubleBackpropReference(double weight, double target, boolean oneSided) {
        this.weight = weight;
        this.target = target;
        this.oneSided = oneSided;
    }

    double value(SequentialNetwork critic, INDArray at, long sampleChannels) {
        INDArray scores = critic.forward(at);
        INDArray gradient = sampleRows(critic.backward(Nd4j.onesLike(scores)).input(), sampleChannels);
        double sum = 0;
        for (double norm : gradient.norm2(1).toDoubleVector()) {
            double residual = oneSided ? Math.max(0, norm - target) : norm - target;
            sum += residual * residual;
        }
        return weight * sum / at.size(0);
    }

    /** ∂value/∂θ for every parameter of a DOUBLE critic; leaves its parameters as they were. */
    INDArray gradient(SequentialNetwork critic, INDArray at, long sampleChannels) {
        INDArray params = critic.model().params();
        INDArray result = Nd4j.create(params.dataType(), params.length());
        for (long j = 0; j < params.length(); j++) {
            double original = params.getDouble(j);
            params.putScalar(j, original + STEP);
            double up = value(critic, at, sampleChannels);
            params.putScalar(j, original - STEP);
            double down = value(critic, at, sampleChannels);
            params.putScalar(j, original);
            result.putScalar(j, (up - down) / (2 * STEP));
        }
        return result;
    }

    /** The first {@code channels} channels of each sample (the rest are label planes), one flattened row per sample. */
    private static INDArray sampleRows(INDArray batch, long channels) {
        INDArrayIndex[] index = new INDArrayIndex[batch.rank()];
        Arrays.fill(index, NDArrayIndex.all());
        index[1] = NDArrayIndex.interval(0, channels);
        return batch.get(index).dup('c').reshape('c', batch.size(0), -1);
    }
}
