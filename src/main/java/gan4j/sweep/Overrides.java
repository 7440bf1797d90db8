package gan4j.sweep;

import java.util.Map;
import java.util.stream.Collectors;

/** How an index's overrides read in a table: {@code key=value} pairs in the sweep file's order. */
final class Overrides {

    private Overrides() {
    }

    static String describe(Map<String, Object> overrides) {
        return overrides.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }
}
