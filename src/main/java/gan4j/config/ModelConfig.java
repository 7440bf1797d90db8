package gan4j.config;

/**
 * The two networks: architecture family, latent size, widths, normalization of each and whether
 * labels condition them.
 *
 * <p>For {@code dcgan} and {@code resnet} the widths are the base feature-map counts (ngf, ndf);
 * for {@code mlp} they are hidden units per layer, and {@code hiddenLayers} their count.
 * {@code extraDiscriminatorBlocks} are resnet critic blocks at the smallest size (SNGAN's CIFAR critic has 2).
 * {@code pack} is how many samples D judges jointly (PacGAN, Lin et al. 2018); 1 is an ordinary critic.
 * {@code conditioning} is how labels enter a conditional model's critic; it has no effect when
 * {@code conditional} is false. {@code generators} is how many independent generators share the
 * critic (MAD-GAN, Ghosh et al. 2018), which then tells them and the real data apart; 1 is an
 * ordinary GAN.
 */
public record ModelConfig(Family architecture, int latentSize, int generatorWidth, int discriminatorWidth,
                          int hiddenLayers, int extraDiscriminatorBlocks, boolean conditional, Norm generatorNorm,
                          Norm discriminatorNorm, int pack, Conditioning conditioning, int generators) {

    /** The architecture family of both networks. */
    public enum Family { DCGAN, RESNET, MLP }

    /** How a network normalizes its layers: batch statistics, spectral norm of the weights, or not at all. */
    public enum Norm { BATCH, SPECTRAL, NONE }

    /**
     * How labels reach D: as one-hot planes appended to its input (CGAN, Mirza and Osindero 2014), or
     * as the inner product of a learned class embedding with D's last features added to its score
     * (projection discriminator, Miyato and Koyama 2018).
     */
    public enum Conditioning { CONCAT, PROJECTION }

    /** Whether D conditions through a class embedding: a conditional model with {@code conditioning: projection}. */
    public boolean projection() {
        return conditional && conditioning == Conditioning.PROJECTION;
    }

    public boolean images() {
        return architecture != Family.MLP;
    }
}
