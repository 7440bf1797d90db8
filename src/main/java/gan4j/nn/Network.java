package gan4j.nn;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One network of the pair, driven by hand: forward, backpropagate an external error, apply an
 * update. DL4J's {@code fit()} assumes a loss layer and labels; a GAN needs D's input gradient to
 * train G, so both networks end in a plain layer and the objective supplies the error. A chain of
 * layers is a {@link SequentialNetwork}; a graph with skip connections a {@link GraphNetwork}.
 */
public interface Network {

    /**
     * Training-mode forward pass (BatchNorm on batch statistics) that keeps what the following
     * backward pass needs; the returned output is a copy the caller may keep.
     */
    INDArray forward(INDArray input);

    /** Inference-mode output (BatchNorm on running statistics), for sampling and plots. */
    INDArray infer(INDArray input);

    /** Backpropagates dLoss/dOutput through the last {@link #forward}: parameter and input gradient. */
    Backward backward(INDArray outputGradient);

    /** As {@link #backward}, for the parameter gradient alone, skipping work the input gradient needs. */
    ParameterGradient parameterGradient(INDArray outputGradient);

    /** As {@link #backward}, for the input gradient alone; the gradient buffer is garbage after it. */
    INDArray inputGradient(INDArray outputGradient);

    /**
     * Applies one optimizer step with {@code gradient} (already a batch mean) and advances the
     * iteration count that Adam's bias correction reads.
     */
    void update(ParameterGradient gradient);

    /** Ends the life of the last forward pass's activations, if any are still held. */
    void releaseActivations();

    /** All parameters, flat: a view, so writing into it changes the network. */
    INDArray params();

    /** Views of {@link #params()} by parameter name. */
    Map<String, INDArray> paramTable();

    /** The views of {@link #paramTable()} that are weights, without state such as running statistics. */
    default Map<String, INDArray> weights() {
        Map<String, INDArray> weights = new LinkedHashMap<>(paramTable());
        weights.keySet().removeIf(ParameterKinds::isState);
        return weights;
    }

    /** The optimizer's state, flat (a view), or null for an optimizer without state. */
    INDArray updaterState();

    int iterationCount();

    int epochCount();

    /** Sets the counters a checkpoint restores. */
    void setCounts(int iterations, int epochs);

    /** The network's configuration as DL4J writes it, to compare a rebuilt network with a saved one. */
    String configurationJson();

    /** The most elements any layer outputs for {@code input}, found by one inference pass. */
    long widestActivation(INDArray input);

    /** Where this network's passes spent their time, layer by layer. */
    LayerProfile profile();

    /** Prints {@link #profile()} per layer, as averages over {@code steps} steps. */
    void printProfile(String title, long steps, PrintStream out);

    /** Parameter gradient (a view of the network's buffer) and gradient with respect to the input. */
    record Backward(ParameterGradient parameters, INDArray input) {
    }
}
