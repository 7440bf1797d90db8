package gan4j.penalty;

import gan4j.nn.Network;

/** Acts on the discriminator's parameters after each of its updates (for example weight clipping). */
public interface Constraint {

    void apply(Network discriminator);
}
