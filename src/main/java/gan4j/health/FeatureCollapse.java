package gan4j.health;

import java.util.Optional;

/**
 * Mode collapse in feature space: the evaluation's samples spread less than {@link #SPREAD_BELOW}
 * of what the real images do in the same features, so many latents map to few images however the
 * pixels differ. Reported once on entering that state, again only after it has left it.
 */
public final class FeatureCollapse {

    /** A generator that covers the data spreads about as widely as it (1); a fifth is a few modes. */
    static final double SPREAD_BELOW = 0.2;

    private final Onset onset = new Onset();

    /** The event the evaluation at {@code step} starts, if any; {@code diversity} is the spread over the real one. */
    public Optional<HealthEvent> check(long step, double diversity) {
        return onset.starts(diversity < SPREAD_BELOW) ? Optional.of(new HealthEvent(step, "mode_collapse",
                String.format("the evaluation's samples spread %.0f%% as widely as the real images in feature space"
                        + " (below %.0f%%)", 100 * diversity, 100 * SPREAD_BELOW))) : Optional.empty();
    }
}
