package gan4j.nn;

import gan4j.nn.layer.SpectralNormParams;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;

/**
 * Which of a network's parameters are state rather than weights: BatchNorm's running mean and
 * variance, carried through the gradient as pseudo-gradients, and spectral normalization's
 * power-iteration vector u, set by the forward pass; penalties and constraints leave them alone.
 */
final class ParameterKinds {

    private ParameterKinds() {
    }

    /** Whether a parameter name such as {@code "2_mean"} names state, not a weight. */
    static boolean isState(String parameterName) {
        return parameterName.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_MEAN)
                || parameterName.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_VAR)
                || parameterName.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_LOG_STD)
                || parameterName.endsWith("_" + SpectralNormParams.U_KEY);
    }
}
