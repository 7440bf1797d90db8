package gan4j.penalty;

import gan4j.nn.Network;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * WGAN's Lipschitz constraint (Arjovsky et al. 2017): after each update, every discriminator
 * parameter is clipped to [−c, c]. BatchNorm running statistics are not weights and stay as they are.
 */
public final class WeightClip implements Constraint {

    private final double clip;

    public WeightClip(double clip) {
        if (!(clip > 0)) {
            throw new IllegalArgumentException("clip must be > 0, got " + clip);
        }
        this.clip = clip;
    }

    @Override
    public void apply(Network discriminator) {
        discriminator.weights().values().forEach(view -> {
            // In place: the table's arrays are views of the network's parameter vector.
            Transforms.max(view, -clip, false);
            Transforms.min(view, clip, false);
        });
    }
}
