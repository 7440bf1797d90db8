package gan4j.health;

import java.util.Optional;

/**
 * Mode collapse: the fixed-noise batch's mean pairwise distance has fallen below
 * {@link #COLLAPSED_FRACTION} of the largest measured so far, or most of its pairs are duplicates.
 * Reported once on entering that state, again only after it has left it. A fresh generator (step 1)
 * maps every latent to nearly the same image, so its duplicates are where training starts, and its
 * narrow spread is no yardstick: the peak is.
 */
public final class ModeCollapse {

    /**
     * A generator at initialisation already spreads its outputs; a healthy run keeps or grows that
     * spread. Falling to a fifth means the fixed latents now map to a few points.
     */
    static final double COLLAPSED_FRACTION = 0.2;
    /** Half the pairs within {@code duplicateDistance}: the batch is mostly copies of few samples. */
    static final double DUPLICATES_ABOVE = 0.5;

    /** The first step of a new run, whose generator is its initialisation. */
    private static final long FRESH = 1;

    private double peak;
    private final Onset onset = new Onset();

    /** The event this measurement at {@code step} starts, if any. */
    public Optional<HealthEvent> check(long step, SampleDiversity diversity) {
        peak = Math.max(peak, diversity.meanDistance());
        double ratio = peak > 0 ? diversity.meanDistance() / peak : 1;
        boolean now = ratio < COLLAPSED_FRACTION || step > FRESH && diversity.duplicateRate() > DUPLICATES_ABOVE;
        boolean started = onset.starts(now);
        return started ? Optional.of(new HealthEvent(step, "mode_collapse", String.format(
                "the fixed-noise samples' mean pairwise distance is %.4f, %.1f%% of the largest measured %.4f,"
                        + " and %.1f%% of pairs are duplicates", diversity.meanDistance(), 100 * ratio, peak,
                100 * diversity.duplicateRate()))) : Optional.empty();
    }
}
