package gan4j.train;

/**
 * A failure a run may answer by going back to an earlier checkpoint and training on at lowered
 * learning rates (divergence, mode collapse); {@code before} is the first step whose checkpoint
 * already belongs to the failed attempt.
 */
public class RollbackRequest extends RuntimeException {

    private final long before;

    public RollbackRequest(String message, long before) {
        super(message);
        this.before = before;
    }

    /** Checkpoints from this step on are not gone back to. */
    public long before() {
        return before;
    }
}
