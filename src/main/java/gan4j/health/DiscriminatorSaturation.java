package gan4j.health;

import gan4j.train.StepMetrics;
import java.util.Optional;

/**
 * D saturation: over the last {@link #WINDOW} steps D calls real images real and fakes fake with
 * near certainty, so it has won and G learns little from it. Reported once on entering that state,
 * again only after it has left it.
 */
public final class DiscriminatorSaturation {

    /** Long enough that one lucky batch is not a verdict, short enough to flag a run within a few hundred steps. */
    static final int WINDOW = 50;
    /**
     * A balanced GAN sits near D(x) ≈ D(G(z)) ≈ 0.5; DCGAN runs that still learn stay inside
     * [0.05, 0.95] on average. Beyond 0.99 / 0.01, log(1 − D) terms are within 1% of their limit.
     */
    static final double REAL_ABOVE = 0.99;
    static final double FAKE_BELOW = 0.01;

    private final Window real = new Window(WINDOW);
    private final Window fake = new Window(WINDOW);
    private final Onset onset = new Onset();

    /** The event this step starts, if any. Readouts outside [0, 1] (a critic's raw score) are not judged. */
    public Optional<HealthEvent> check(StepMetrics metrics) {
        if (!probability(metrics.dReal()) || !probability(metrics.dFake())) {
            return Optional.empty();
        }
        real.add(metrics.dReal());
        fake.add(metrics.dFake());
        boolean now = real.full() && real.mean() > REAL_ABOVE && fake.mean() < FAKE_BELOW;
        boolean started = onset.starts(now);
        return started ? Optional.of(new HealthEvent(metrics.step(), "d_saturation", String.format(
                "D(x) averaged %.4f and D(G(z)) %.4f over the last %d steps: D has saturated", real.mean(),
                fake.mean(), WINDOW))) : Optional.empty();
    }

    private static boolean probability(double value) {
        return value >= 0 && value <= 1;
    }
}
