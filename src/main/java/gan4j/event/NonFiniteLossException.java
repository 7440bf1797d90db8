package gan4j.event;

/** A loss became NaN or infinite: training has diverged and must stop before anything is saved. */
public final class NonFiniteLossException extends RuntimeException {

    public NonFiniteLossException(String message) {
        super(message);
    }
}
