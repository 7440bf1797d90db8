package gan4j.data;

/**
 * A data problem the user can fix (a missing or empty folder, a file in the wrong format), carrying
 * one sentence that names the path and the fix.
 */
public class DataException extends RuntimeException {

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
