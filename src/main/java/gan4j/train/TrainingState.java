package gan4j.train;

/**
 * Where a run stands: the number of completed generator steps. With the seed, this is all a resume
 * needs besides the networks, because every random draw and every batch derives from (seed, step).
 */
public record TrainingState(long step) {

    public TrainingState next() {
        return new TrainingState(step + 1);
    }
}
