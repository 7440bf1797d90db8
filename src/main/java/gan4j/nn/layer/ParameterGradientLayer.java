package gan4j.nn.layer;

import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer that can compute its parameter gradients without the gradient with respect to its
 * input, for the first layer of a network, whose input (data, noise) needs none.
 */
public interface ParameterGradientLayer {

    /** Parameter gradients, written into the layer's gradient views, for dL/doutput {@code epsilon}. */
    Gradient parameterGradient(INDArray epsilon, LayerWorkspaceMgr workspaces);
}
