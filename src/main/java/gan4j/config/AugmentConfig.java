package gan4j.config;

import java.util.List;
import java.util.OptionalDouble;

/**
 * Differentiable augmentation of every image D sees (DiffAugment, Zhao et al. 2020), each op applied
 * to a sample with probability {@code probability}; with a {@code target}, that probability adapts
 * (ADA, Karras et al. 2020), starting at {@code probability} and moving by at most 1 per
 * {@code adaImages} real images D judges. An empty policy turns augmentation off.
 */
public record AugmentConfig(List<Op> policy, double probability, OptionalDouble target, long adaImages) {

    /** The augmentation ops, as the policy names them; {@code color} is brightness, saturation and contrast. */
    public enum Op { COLOR, BRIGHTNESS, SATURATION, CONTRAST, TRANSLATION, CUTOUT, FLIP, ROTATE90 }

    public static final AugmentConfig OFF = new AugmentConfig(List.of(), 0, OptionalDouble.empty(), 1);

    public AugmentConfig {
        policy = List.copyOf(policy);
    }

    public boolean enabled() {
        return !policy.isEmpty();
    }
}
