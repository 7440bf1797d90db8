package gan4j.nn.layer;

import java.util.Map;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.DynamicCustomOp;
import org.nd4j.linalg.api.ops.impl.reduce3.Dot;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Spectral normalisation of one layer's weights (Miyato et al. 2018), W_sn = W / σ(W), with W
 * seen as a matrix M of [outputs, inputs per output] and σ estimated as PyTorch's
 * {@code spectral_norm} does, by one power iteration per training forward pass:
 * v = normalize(Mᵀu), u = normalize(Mv), σ = uᵀMv. The normalised weights and the vectors of the
 * last forward pass stay here, outside any workspace, for the backward pass that follows it.
 */
final class SpectralNormalizer {

    /** PyTorch's guard against dividing by a vanishing norm. */
    private static final double NORM_FLOOR = 1e-12;

    private final UnaryOperator<INDArray> asMatrix;
    private boolean iterating = true;
    private INDArray normalized;
    private INDArray u;
    private INDArray v;
    private INDArray product;
    private double sigma;

    /** {@code asMatrix} views a weight-shaped array (weights or their gradient) as M, [outputs, rest]. */
    SpectralNormalizer(UnaryOperator<INDArray> asMatrix) {
        this.asMatrix = asMatrix;
    }

    /**
     * Computes W_sn for a forward pass from {@code weights} and the layer's stored estimate
     * {@code storedU} (one value per output); a training pass first advances the estimate one power
     * iteration and writes it back into {@code storedU}, an inference pass only reads it.
     */
    void forward(INDArray weights, INDArray storedU, boolean training) {
        INDArray matrix = asMatrix.apply(weights);
        allocate(weights, matrix.size(0), matrix.size(1));
        u.assign(storedU.reshape(u.shape()));
        MatMul.into(matrix, true, u, false, v);
        v.divi(Math.max(v.norm2Number().doubleValue(), NORM_FLOOR));
        MatMul.into(matrix, false, v, false, product);
        if (training && iterating) {
            u.assign(product).divi(Math.max(product.norm2Number().doubleValue(), NORM_FLOOR));
            storedU.assign(u.reshape(storedU.shape()));
        }
        sigma = Nd4j.getExecutioner().exec(new Dot(u, product)).getDouble(0);
        weights.div(sigma, normalized);
    }

    /** W_sn of the last forward pass, shaped and ordered as the weights. */
    INDArray normalized() {
        if (normalized == null) {
            throw new IllegalStateException("spectral normalisation needs a forward pass first");
        }
        return normalized;
    }

    /**
     * Turns the layer's weight gradient dL/dW_sn = G, in {@code gradientViews} under
     * {@code weightKey}, into dL/dW = (G − ⟨G, W_sn⟩ u vᵀ) / σ in place, u and v held constant as
     * in the paper, and adds u's gradient, zero, so that the updater leaves u as it is.
     */
    void backprop(Gradient gradient, Map<String, INDArray> gradientViews, String weightKey) {
        INDArray g = asMatrix.apply(gradientViews.get(weightKey));
        double projection = Nd4j.getExecutioner().exec(new Dot(g, asMatrix.apply(normalized()))).getDouble(0);
        // One pass over G, without the outer product in memory: libnd4j's matmul computes
        // out = α·a×b + β·out (integer arguments: transpose a, b, result; floating: α, β).
        Nd4j.exec(DynamicCustomOp.builder("matmul").addInputs(u, v).addOutputs(g)
                .addIntegerArguments(0, 1, 0).addFloatingPointArguments(-projection / sigma, 1 / sigma).build());
        INDArray uGradient = gradientViews.get(SpectralNormParams.U_KEY).assign(0);
        gradient.setGradientFor(SpectralNormParams.U_KEY, uGradient);
    }

    /**
     * Makes training passes leave u where it is, so that σ(W) = ‖Mᵀu‖ is a fixed function of W
     * whose exact derivative the backward pass computes: for gradient checks.
     */
    void stopIterating() {
        iterating = false;
    }

    /** Weight noise would replace W_sn in DL4J's forward pass: the two do not combine. */
    static void refuseWeightNoise(BaseLayer layer) {
        if (layer.getWeightNoise() != null) {
            throw new IllegalArgumentException("spectral normalisation does not support weight noise (layer "
                    + layer.getLayerName() + ")");
        }
    }

    private void allocate(INDArray weights, long rows, long columns) {
        if (normalized != null && normalized.equalShapes(weights) && normalized.dataType() == weights.dataType()) {
            return;
        }
        try (MemoryWorkspace outside = Nd4j.getMemoryManager().scopeOutOfWorkspaces()) {
            normalized = Nd4j.createUninitialized(weights.dataType(), weights.shape(), weights.ordering());
            u = Nd4j.createUninitialized(weights.dataType(), rows, 1);
            v = Nd4j.createUninitialized(weights.dataType(), columns, 1);
            product = Nd4j.createUninitialized(weights.dataType(), rows, 1);
        }
    }
}
