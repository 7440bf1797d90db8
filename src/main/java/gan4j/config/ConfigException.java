package gan4j.config;

/** A user error in an experiment configuration: the message names the file, line and key, and the fix. */
public final class ConfigException extends RuntimeException {

    public ConfigException(String message) {
        super(message);
    }
}
