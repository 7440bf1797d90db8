package gan4j.nn;

import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;

/**
 * Which of a network's parameters are state rather than weights: BatchNorm's running mean and
 * variance, stored among the parameters and carried through the gradient as pseudo-gradients, so
 * penalties and constraints must leave them alone.
 */
final class ParameterKinds {

    private ParameterKinds() {
    }

    /** Whether a parameter name such as {@code "2_mean"} names state, not a weight. */
    static boolean isState(String parameterName) {
        return parameterName.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_MEAN)
                || parameterName.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_VAR)
                || parameterName.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
    }
}
