package gan4j.health;

import java.util.Optional;

/**
 * Mode collapse seen by the classifier: the entropy of the classes the generated samples fall in
 * has dropped below {@link #BALANCE_BELOW} of the uniform entropy, so the generator draws a few
 * classes of the data and not the rest.
 */
public final class ClassCollapse {

    /** Half of ln 10 nats is what drawing only 3 of Fashion-MNIST's 10 classes gives. */
    static final double BALANCE_BELOW = 0.5;

    private final Onset onset = new Onset();

    /** The event the evaluation at {@code step} starts, if any; {@code balance} is entropy over its maximum. */
    public Optional<HealthEvent> check(long step, double balance) {
        return onset.starts(balance < BALANCE_BELOW) ? Optional.of(new HealthEvent(step, "mode_collapse",
                String.format("the classes the classifier sees in the generated samples have %.0f%% of the uniform"
                        + " entropy (below %.0f%%): the generator draws few of the data's classes", 100 * balance,
                        100 * BALANCE_BELOW))) : Optional.empty();
    }
}
