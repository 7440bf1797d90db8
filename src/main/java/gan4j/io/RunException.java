package gan4j.io;

/** A run cannot go on for a reason the user can fix (disk full, unreadable checkpoint, busy directory). */
public final class RunException extends RuntimeException {

    public RunException(String message) {
        super(message);
    }

    public RunException(String message, Throwable cause) {
        super(message, cause);
    }
}
