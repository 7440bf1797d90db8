package gan4j.train;

import gan4j.nn.Network;

/** The generator and discriminator of a run, each with its own optimizer state. */
public record Networks(Network generator, Network discriminator) {
}
