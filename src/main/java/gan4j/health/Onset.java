package gan4j.health;

/**
 * Turns a condition checked at every measurement into its onsets: true only when the condition
 * holds now and did not at the last measurement, so a detector reports a state once on entering
 * it, and again only after the run has left it.
 */
final class Onset {

    private boolean holding;

    /** Whether {@code holds} starts the condition at this measurement. */
    boolean starts(boolean holds) {
        boolean started = holds && !holding;
        holding = holds;
        return started;
    }
}
