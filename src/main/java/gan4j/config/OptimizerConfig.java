package gan4j.config;

/** One network's optimizer: Adam, RMSProp (the WGAN paper's choice) or plain SGD. */
public record OptimizerConfig(String type, double learningRate, double beta1, double beta2, double epsilon,
                              double rmsDecay) {
}
