package gan4j.event;

import gan4j.train.RollbackRequest;

/**
 * A loss became NaN or infinite: training has diverged and must stop before anything is saved, so
 * every checkpoint on disk predates it.
 */
public final class NonFiniteLossException extends RollbackRequest {

    public NonFiniteLossException(String message) {
        super(message, Long.MAX_VALUE);
    }
}
