package gan4j.train;

import java.util.List;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One network of the pair, driven by hand: forward, backpropagate an external error, apply an
 * update. DL4J's {@code fit()} assumes a loss layer and labels; a GAN needs D's input gradient to
 * train G, so both networks end in a plain layer and the objective supplies the error.
 */
public final class Network {

    private final MultiLayerNetwork net;

    public Network(MultiLayerNetwork net) {
        this.net = net;
    }

    public MultiLayerNetwork model() {
        return net;
    }

    /**
     * Training-mode forward pass (BatchNorm on batch statistics) that keeps each layer's input, as
     * the following {@link #backward} needs.
     */
    public INDArray forward(INDArray input) {
        net.setInput(input);
        List<INDArray> activations = net.feedForward(true, false);
        return activations.get(activations.size() - 1);
    }

    /** Inference-mode output (BatchNorm on running statistics), for sampling and plots. */
    public INDArray infer(INDArray input) {
        return net.output(input, false);
    }

    /**
     * Backpropagates dLoss/dOutput through the last {@link #forward}. The returned parameter
     * gradient views the network's single gradient buffer, which the next backward pass
     * overwrites.
     */
    public Backward backward(INDArray outputGradient) {
        Pair<Gradient, INDArray> result = net.backpropGradient(outputGradient, LayerWorkspaceMgr.noWorkspaces());
        return new Backward(result.getFirst(), result.getSecond());
    }

    /**
     * Applies one optimizer step with {@code gradient} (already a batch mean, hence batch size 1)
     * and advances the iteration count, which the manual path does not do by itself and which
     * Adam's bias correction reads.
     */
    public void update(Gradient gradient) {
        int iteration = net.getIterationCount();
        net.getUpdater().update(net, gradient, iteration, net.getEpochCount(), 1, LayerWorkspaceMgr.noWorkspaces());
        net.params().subi(gradient.gradient());
        net.setIterationCount(iteration + 1);
    }

    /** Parameter gradient (a view of the network's buffer) and gradient with respect to the input. */
    public record Backward(Gradient parameters, INDArray input) {
    }
}
