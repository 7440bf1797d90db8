package gan4j.nn;

import java.util.Map;
import org.deeplearning4j.nn.gradient.Gradient;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A network's parameter gradient: one flat array laid out like its parameters, and views of it
 * per parameter. It views the network's single gradient buffer, which the next backward pass
 * overwrites: {@code gradient().dup()} what must outlive it.
 */
public final class ParameterGradient {

    private final Gradient gradient;

    ParameterGradient(Gradient gradient) {
        this.gradient = gradient;
    }

    /** The whole gradient, flat, in the order of the network's parameters. */
    public INDArray gradient() {
        return gradient.gradient();
    }

    /** Views of {@link #gradient()} by parameter name ("0_W", "3_mean", ...). */
    public Map<String, INDArray> gradientForVariable() {
        return gradient.gradientForVariable();
    }

    /** Zeroes the entries of state parameters (running statistics), which a penalty must not move. */
    public void zeroState() {
        scaleState(0);
    }

    /** Scales the pseudo-gradients of state parameters, e.g. by ½ when two passes were summed. */
    public void scaleState(double factor) {
        gradient.gradientForVariable().forEach((name, view) -> {
            if (ParameterKinds.isState(name)) {
                view.muli(factor);
            }
        });
    }

    Gradient dl4j() {
        return gradient;
    }
}
