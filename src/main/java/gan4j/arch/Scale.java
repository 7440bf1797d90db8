package gan4j.arch;

import java.util.Objects;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Multiplies by a fixed factor: lets an MLP work in unit-scale coordinates on data that is not
 * (the 25-Gaussian grid spans ±4). Serialised with the network, so checkpoints keep it.
 */
public final class Scale extends BaseActivationFunction {

    private final double factor;

    public Scale(@JsonProperty("factor") double factor) {
        if (!(factor > 0) || Double.isInfinite(factor)) {
            throw new IllegalArgumentException("scale factor must be positive and finite: " + factor);
        }
        this.factor = factor;
    }

    public double getFactor() {
        return factor;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        return in.muli(factor);
    }

    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        return new Pair<>(epsilon.mul(factor), null);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Scale other && other.factor == factor;
    }

    @Override
    public int hashCode() {
        return Objects.hash(factor);
    }

    @Override
    public String toString() {
        return "scale(" + factor + ")";
    }
}
