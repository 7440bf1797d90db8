package gan4j.config;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * A node of a parsed configuration tree that remembers where each value was written; other packages
 * read sweep files through it and hand its values back as located overrides.
 */
public sealed interface ConfigValue {

    Location location();

    /** A scalar kept as text, so that YAML values and {@code --set} strings convert the same way. */
    record Scalar(String text, boolean isNull, Location location) implements ConfigValue {
    }

    /** A mapping with keys in file order. */
    record Mapping(LinkedHashMap<String, ConfigValue> entries, Location location) implements ConfigValue {
    }

    /** A sequence of values. */
    record Sequence(List<ConfigValue> items, Location location) implements ConfigValue {
    }
}
