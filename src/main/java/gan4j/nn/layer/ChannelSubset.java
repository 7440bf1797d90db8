package gan4j.nn.layer;

import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J's {@link SubsetVertex} (channels {@code from..to} of its input) with the output type of a
 * convolutional input fixed: M2.1 gives it {@code from − to + 1} channels, negative for any subset
 * of more than one channel, which then sizes the layers after it wrongly.
 */
public final class ChannelSubset extends SubsetVertex {

    public ChannelSubset(@JsonProperty("from") int from, @JsonProperty("to") int to) {
        super(from, to);
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... inputs) {
        if (inputs.length == 1 && inputs[0] instanceof InputType.InputTypeConvolutional conv) {
            return InputType.convolutional(conv.getHeight(), conv.getWidth(), getTo() - getFrom() + 1, conv.getFormat());
        }
        return super.getOutputType(layerIndex, inputs);
    }

    @Override
    public ChannelSubset clone() {
        return new ChannelSubset(getFrom(), getTo());
    }
}
