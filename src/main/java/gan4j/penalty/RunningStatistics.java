package gan4j.penalty;

import gan4j.nn.ParameterGradient;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;

/**
 * BatchNorm's running mean and variance: stored among D's parameters and carried through its
 * gradient as pseudo-gradients, but not weights, so penalties and constraints must not touch them.
 */
final class RunningStatistics {

    private RunningStatistics() {
    }

    /** Whether a network parameter name such as {@code "2_mean"} names a running statistic. */
    static boolean isRunningStatistic(String parameterName) {
        return parameterName.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_MEAN)
                || parameterName.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_VAR)
                || parameterName.endsWith("_" + BatchNormalizationParamInitializer.GLOBAL_LOG_STD);
    }

    /** Zeroes the running-statistic entries of a gradient (views of the network's own buffer). */
    static void zero(ParameterGradient gradient) {
        gradient.gradientForVariable().forEach((name, view) -> {
            if (isRunningStatistic(name)) {
                view.assign(0);
            }
        });
    }
}
