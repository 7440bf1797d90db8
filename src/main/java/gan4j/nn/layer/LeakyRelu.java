package gan4j.nn.layer;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.BaseActivationFunction;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMax;
import org.nd4j.linalg.api.ops.impl.scalar.ScalarMin;
import org.nd4j.linalg.api.ops.impl.scalar.Step;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.Axpy;
import org.nd4j.linalg.api.ops.impl.transforms.pairwise.arithmetic.MulOp;
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
        apply(in, in);
        return in;
    }

    /** {@code out} = max(x, αx); {@code out} may be {@code x}. */
    void apply(INDArray x, INDArray out) {
        if (alpha == 0) {
            Nd4j.exec(new RectifiedLinear(x, out, 0));
            return;
        }
        // x − (1 − α)·min(x, 0), min(x, 0) held in out unless out is x.
        INDArray negative = out == x ? Nd4j.createUninitialized(x.dataType(), x.shape()) : out;
        Nd4j.exec(new ScalarMin(x, null, negative, 0.0));
        Nd4j.exec(new Axpy(negative, x, out, alpha - 1));
    }

    /**
     * dL/dx = ε·max([x > 0], α), written over {@code in} as DL4J's activations do. At 0 the slope
     * is α, as in PyTorch and ND4J's ReLU (ND4J's LeakyReLU derivative takes 1).
     */
    @Override
    public Pair<INDArray, INDArray> backprop(INDArray in, INDArray epsilon) {
        assertShape(in, epsilon);
        backprop(in, epsilon, in);
        return new Pair<>(in, null);
    }

    /** {@code out} = dL/dx at {@code x} for dL/dy {@code epsilon}; {@code out} may be {@code x}. */
    void backprop(INDArray x, INDArray epsilon, INDArray out) {
        Nd4j.exec(new Step(x, out, 0.0));
        if (alpha != 0) {
            Nd4j.exec(new ScalarMax(out, null, out, alpha));
        }
        Nd4j.exec(new MulOp(out, epsilon, out));
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
