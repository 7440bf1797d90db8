package gan4j.nn.layer;

import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer that can backpropagate to its input without computing its parameter gradients, for
 * passes that only need the former: D's pass in the generator step, the gradient penalty's.
 */
public interface InputGradientLayer {

    /** dL/dinput for dL/doutput {@code epsilon}, after a training forward pass; parameter gradients untouched. */
    INDArray inputGradient(INDArray epsilon, LayerWorkspaceMgr workspaces);
}
