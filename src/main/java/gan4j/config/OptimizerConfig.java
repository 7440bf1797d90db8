package gan4j.config;

/**
 * One network's optimizer: Adam, RMSProp (the WGAN paper's choice) or plain SGD, with a constant
 * learning rate or one that decays linearly to zero over the run.
 */
public record OptimizerConfig(String type, double learningRate, double beta1, double beta2, double epsilon,
                              double rmsDecay, String schedule) {
}
