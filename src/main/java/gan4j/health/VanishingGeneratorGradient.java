package gan4j.health;

import gan4j.train.StepMetrics;
import java.util.Optional;

/**
 * A generator that no longer moves D: over the last {@link #WINDOW} steps D(G(z)) measured right
 * after G's own update stays near 0 and G's loss has not fallen. It is read from the readouts, not
 * from G's gradient norm (StepMetrics does not carry one, and under Adam the update size says
 * little about the gradient's). For the minimax loss this is the textbook vanishing gradient
 * (∂log(1 − D)/∂logit = −D → 0); for the non-saturating loss the gradient on D's score survives,
 * but G's steps still fail to change D's verdict, which is the symptom a user needs to hear about.
 */
public final class VanishingGeneratorGradient {

    static final int WINDOW = 50;
    /** Below 1%, G's own update left every fake confidently rejected. */
    static final double FAKE_AFTER_BELOW = 0.01;

    private final Window fakeAfter = new Window(WINDOW);
    private final Window loss = new Window(WINDOW);
    private final Onset onset = new Onset();

    /** The event this step starts, if any; readouts outside [0, 1] are not judged. */
    public Optional<HealthEvent> check(StepMetrics metrics) {
        if (!(metrics.dFakeAfter() >= 0 && metrics.dFakeAfter() <= 1) || !Double.isFinite(metrics.generatorLoss())) {
            return Optional.empty();
        }
        fakeAfter.add(metrics.dFakeAfter());
        loss.add(metrics.generatorLoss());
        boolean now = fakeAfter.full() && fakeAfter.mean() < FAKE_AFTER_BELOW && loss.last() >= loss.first();
        boolean started = onset.starts(now);
        return started ? Optional.of(new HealthEvent(metrics.step(), "vanishing_g_gradient", String.format(
                "D(G(z)) after G's update averaged %.4f over the last %d steps and G's loss went from %.3f to %.3f:"
                        + " G's updates no longer move D", fakeAfter.mean(), WINDOW, loss.first(), loss.last())))
                : Optional.empty();
    }
}
