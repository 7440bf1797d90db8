package gan4j.nn;

/** The generator and discriminator of a run, each with its own optimizer state. */
public record Networks(Network generator, Network discriminator) {
}
