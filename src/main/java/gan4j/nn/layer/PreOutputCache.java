package gan4j.nn.layer;

import java.util.function.Supplier;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The pre-activation of a layer's last training forward pass, handed to its backward pass. DL4J's
 * convolution layers recompute the whole convolution in backpropagation only to apply the
 * activation's derivative: with the identity activation (every convolution followed by BatchNorm
 * or a separate activation layer) that is a forward convolution thrown away, which nearly doubled
 * the time of D's backward pass (measured per layer against the raw conv2d_bp op).
 */
final class PreOutputCache {

    private INDArray preOutput;

    /**
     * The layer's {@code preOutput(training, forBackprop, workspaces)}: {@code compute} on a
     * forward pass, which it remembers if training; the remembered array on a backward pass.
     */
    Pair<INDArray, INDArray> preOutput(boolean training, boolean forBackprop, IActivation activation,
                                       LayerWorkspaceMgr workspaces, Supplier<Pair<INDArray, INDArray>> compute) {
        boolean identity = activation instanceof ActivationIdentity;
        if (forBackprop && preOutput != null) {
            // The activation's backprop overwrites its input; a copy keeps the remembered value whole.
            return new Pair<>(identity ? preOutput : workspaces.dup(ArrayType.ACTIVATIONS, preOutput), null);
        }
        Pair<INDArray, INDArray> computed = compute.get();
        if (!forBackprop) {
            // The forward pass applies the activation in place; keep the value from before it.
            preOutput = !training ? null
                    : identity ? computed.getFirst() : workspaces.dup(ArrayType.ACTIVATIONS, computed.getFirst());
        }
        return computed;
    }
}
