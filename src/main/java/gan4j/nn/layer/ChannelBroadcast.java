package gan4j.nn.layer;

import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J's {@link ElementWiseVertex} of an NCHW map (first input) and per-channel values [B, C, 1, 1]
 * (second input) that it broadcasts over the map: M2.1 computes the broadcast forward and backward,
 * but its output type check refuses inputs of different heights and widths.
 */
public final class ChannelBroadcast extends ElementWiseVertex {

    public ChannelBroadcast(@JsonProperty("op") Op op) {
        super(op);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... inputs) {
        return inputs[0];
    }

    @Override
    public ChannelBroadcast clone() {
        return new ChannelBroadcast(op);
    }
}
