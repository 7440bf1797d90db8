package gan4j.config;

/** Where a configuration value came from: a file and line, or a command-line override. */
public record Location(String source, int line) {

    static Location ofOverride(String assignment) {
        return new Location("--set " + assignment, 0);
    }

    @Override
    public String toString() {
        return line > 0 ? source + ":" + line : source;
    }
}
