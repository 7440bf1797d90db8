package gan4j.layer;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.factory.Nd4j;

/**
 * max(x, αx) for 0 ≤ α < 1 (ReLU at α = 0), built from ND4J ops that run at memory speed. ND4J
 * M2.1's own LeakyReLU and its derivative are many times slower than the arithmetic they do: on
 * 64×64×32×32 floats, 13 ms forward and 20 ms backward, against 0.42 and 0.6–0.8 ms here (2
 * threads, AVX-512). Its pairwise {@code max} is slow too: 2.3 ms there, 0.18–0.64 ms on DCGAN-28's
 * 14×14 and 7×7 maps, against 0.09–0.1 ms for the two ops used here.
 */
public final class LeakyRelu extends BaseActivationFunction {

    private double alpha;

    /** For JSON deserialisation (checkpoints). */
    private LeakyRelu() {
    }

    public LeakyRelu(double alpha) {
        if (!(alpha >= 0 && alpha < 1)) {
            throw new IllegalArgumentException("LeakyRelu needs 0 <= alpha < 1, got " + alpha);
        }
        this.alpha = alpha;
    }

    public double alpha() {
        return alpha;
    }

    @Override
    public INDArray getActivation(INDArray in, boolean training) {
        if (alpha == 0) {
            Nd4j.exec(new RectifiedLinear(in, in, 0));
        } else {
            // x − (1 − α)·min(x, 0)
            INDArray negative = Nd4j.createUninitialized(in.dataType(), in.shape());
            Nd4j.exec(new ScalarMin(in, null, negative, 0.0));
            Nd4j.exec(new Axpy(negative, in, in, alpha - 1));
        }
        return in;
    }

    /**
     * dL/dx = ε·max([x > 0], α), written over {@code in} as DL4J's activations do. At 0 the slope
     * is α, as in PyTorch and ND4J's ReLU (ND4J's LeakyReLU derivative takes 1).
     */
    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        Nd4j.exec(new Step(in, in, 0.0));
        if (alpha != 0) {
            Nd4j.exec(new ScalarMax(in, null, in, alpha));
        }
        in.muli(epsilon);
        return new Pair<>(in, null);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LeakyRelu that && that.alpha == alpha;
    }

    @Override
    public int hashCode() {
        return Double.hashCode(alpha);
    }

    @Override
    public String toString() {
        return "leakyrelu(a=" + alpha + ")";
    }
}
