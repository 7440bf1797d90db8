package gan4j.config;

/**
 * The two networks: architecture family, latent size, widths and whether labels condition them.
 *
 * <p>For {@code dcgan} the widths are the base feature-map counts (ngf, ndf); for {@code mlp} they
 * are hidden units per layer.
 */
public record ModelConfig(String architecture, int latentSize, int generatorWidth, int discriminatorWidth,
                          int hiddenLayers, boolean conditional, boolean discriminatorBatchNorm) {
}
