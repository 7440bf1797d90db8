package gan4j.config;

/**
 * One network's optimizer: its algorithm with the parameters only that algorithm has, the learning
 * rate, and whether the rate stays constant or decays linearly to zero over the run.
 */
public record OptimizerConfig(Algorithm algorithm, double learningRate, Schedule schedule) {

    /** The same optimizer at {@code factor} times the learning rate (a rollback's lowered rate). */
    public OptimizerConfig withLearningRateScaledBy(double factor) {
        return new OptimizerConfig(algorithm, learningRate * factor, schedule);
    }

    /** The update rule; each kind holds its own parameters, so none is a placeholder for another. */
    public sealed interface Algorithm {
    }

    /** Adam with its moment decay rates and the epsilon added to the second moment's root. */
    public record Adam(double beta1, double beta2, double epsilon) implements Algorithm {
    }

    /** RMSProp (the WGAN paper's choice) with the decay of its squared-gradient average. */
    public record RmsProp(double decay, double epsilon) implements Algorithm {
    }

    /** Plain stochastic gradient descent. */
    public record Sgd() implements Algorithm {
    }

    /** How the learning rate moves over the run. */
    public enum Schedule { CONSTANT, LINEAR }
}
