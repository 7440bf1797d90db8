package gan4j.health;

import java.util.Optional;

/**
 * Mode collapse: the fixed-noise batch's mean pairwise distance has fallen below
 * {@link #COLLAPSED_FRACTION} of its first measured value, or most of its pairs are duplicates.
 * Reported once on entering that state, again only after it has left it.
 */
public final class ModeCollapse {

    /**
     * A generator at initialisation already spreads its outputs; a healthy run keeps or grows that
     * spread. Falling to a fifth means the fixed latents now map to a few points.
     */
    static final double COLLAPSED_FRACTION = 0.2;
    /** Half the pairs within {@code duplicateDistance}: the batch is mostly copies of few samples. */
    static final double DUPLICATES_ABOVE = 0.5;

    private double first = Double.NaN;
    private final Onset onset = new Onset();

    /** The event this measurement at {@code step} starts, if any; the first measurement is the reference. */
    public Optional<HealthEvent> check(long step, SampleDiversity diversity) {
        if (Double.isNaN(first)) {
            first = diversity.meanDistance();
        }
        double ratio = first > 0 ? diversity.meanDistance() / first : 1;
        boolean now = ratio < COLLAPSED_FRACTION || diversity.duplicateRate() > DUPLICATES_ABOVE;
        boolean started = onset.starts(now);
        return started ? Optional.of(new HealthEvent(step, "mode_collapse", String.format(
                "the fixed-noise samples' mean pairwise distance is %.4f, %.1f%% of the first measured %.4f, and"
                        + " %.1f%% of pairs are duplicates", diversity.meanDistance(), 100 * ratio, first,
                100 * diversity.duplicateRate()))) : Optional.empty();
    }
}
